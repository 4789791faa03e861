// Tells the conversation pane when its own width crosses the points where it stacks (a phone, a narrow column).
export function watchWidth(el, dotnet, narrowBelow, wideFrom) {
    let last = '';
    const observer = new ResizeObserver((entries) => {
        const width = entries[0].contentRect.width;
        const narrow = width < narrowBelow;
        const wide = width >= wideFrom;
        if (`${narrow}${wide}` !== last) {
            last = `${narrow}${wide}`;
            dotnet.invokeMethodAsync('SetWidth', narrow, wide);
        }
    });
    observer.observe(el);
    return { dispose: () => observer.disconnect() };
}
