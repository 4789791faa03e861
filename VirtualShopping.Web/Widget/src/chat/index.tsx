import { render } from 'preact';

render(<p>Chat</p>, document.body);
