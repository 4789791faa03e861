// The inbox composer's keys the browser must not act on: Ctrl+Enter sends (no new line), and while the saved-reply
// or mention list is open, arrows, Enter, Tab and Escape move in the list instead of the text.
const listKeys = ['ArrowUp', 'ArrowDown', 'Enter', 'Tab', 'Escape'];

export function attach(wrapper) {
    wrapper.addEventListener('keydown', (e) => {
        const target = e.target;
        if (!(target instanceof HTMLTextAreaElement)) {
            return;
        }
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
        } else if (target.dataset.suggest === 'open' && listKeys.includes(e.key) && !e.altKey && !e.ctrlKey) {
            e.preventDefault();
        }
    }, true);
}
