// Keeps the inbox's message list at the newest message and tells the server when the person scrolls down to it.
const nearEnd = (el) => el.scrollHeight - el.scrollTop - el.clientHeight < 80;

export function scrollToEnd(el, force) {
    if (!el) {
        return false;
    }
    if (force || nearEnd(el)) {
        el.scrollTop = el.scrollHeight;
        return document.visibilityState === 'visible';
    }
    return false;
}

export function watchScroll(el, dotnet) {
    let wasNear = nearEnd(el);
    const onScroll = () => {
        const near = nearEnd(el);
        if (near && !wasNear) {
            dotnet.invokeMethodAsync('ReachedEnd');
        }
        wasNear = near;
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    return { dispose: () => el.removeEventListener('scroll', onScroll) };
}
