// Tells the conversation pane when its own width crosses the point where it stacks (phones, a narrow column).
export function watchWidth(el, dotnet, narrowBelow) {
    let narrow = null;
    const observer = new ResizeObserver((entries) => {
        const now = entries[0].contentRect.width < narrowBelow;
        if (now !== narrow) {
            narrow = now;
            dotnet.invokeMethodAsync('SetNarrow', now);
        }
    });
    observer.observe(el);
    return { dispose: () => observer.disconnect() };
}
