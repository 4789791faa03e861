// The inbox's keyboard shortcuts, and the sound and browser notification for a new offer while the tab is hidden.
let listener = null;
let audio = null;

function typingIn(target) {
    return !!target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

/** Which shortcut a key press is, or null. Single keys never count while typing in a field. */
function shortcutOf(e) {
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') return 'send';
    if (e.altKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyN') return 'note';
    if (e.altKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyX') return 'close';
    if (e.ctrlKey || e.metaKey || e.altKey || typingIn(e.target)) return null;
    switch (e.key) {
        case 'j': return 'next';
        case 'k': return 'previous';
        case 'c': return 'claim';
        case '?': return 'help';
        default: return null;
    }
}

export function attach(dotnet) {
    detach();
    listener = e => {
        if (e.key === 'Escape' && typingIn(e.target) && !e.target.closest('.mud-dialog')) {
            e.target.blur(); // leave the composer; the page's shortcuts work again
            return;
        }
        if (e.repeat) return;
        const name = shortcutOf(e);
        if (!name) return;
        if (document.querySelector('.mud-dialog-container')) return; // a dialog has the keyboard
        e.preventDefault();
        dotnet.invokeMethodAsync('OnShortcut', name);
    };
    document.addEventListener('keydown', listener);
}

export function detach() {
    if (listener) document.removeEventListener('keydown', listener);
    listener = null;
}

/** 'default' | 'granted' | 'denied' | 'unsupported'. */
export function notificationPermission() {
    return 'Notification' in window ? Notification.permission : 'unsupported';
}

/** Asked from a button (a user gesture), never on load; also unlocks the sound. */
export async function enableNotifications() {
    unlockAudio();
    return 'Notification' in window ? await Notification.requestPermission() : 'unsupported';
}

function unlockAudio() {
    try {
        audio ??= new AudioContext();
        if (audio.state === 'suspended') audio.resume();
    } catch { /* no sound on this browser */ }
}

function beep() {
    try {
        audio ??= new AudioContext();
        const start = audio.currentTime;
        [0, 0.18].forEach((offset, i) => {
            const tone = audio.createOscillator();
            const gain = audio.createGain();
            tone.type = 'sine';
            tone.frequency.value = i === 0 ? 880 : 1175;
            gain.gain.setValueAtTime(0.0001, start + offset);
            gain.gain.exponentialRampToValueAtTime(0.25, start + offset + 0.02);
            gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.16);
            tone.connect(gain).connect(audio.destination);
            tone.start(start + offset);
            tone.stop(start + offset + 0.18);
        });
    } catch { /* no sound on this browser */ }
}

/** A new offer: a short sound and a notification, only when the tab is in the background. */
export function announceOffer(title, body) {
    if (!document.hidden) return false;
    beep();
    if ('Notification' in window && Notification.permission === 'granted') {
        const note = new Notification(title, { body, tag: 'virtualshopping-offer', renotify: true });
        note.onclick = () => { window.focus(); note.close(); };
    }
    return true;
}
