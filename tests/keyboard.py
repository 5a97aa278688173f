"""Keyboard use of a loaded page: the Tab order, the focus indicator, the skip link."""

import json
from dataclasses import dataclass

from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

# Elements a keyboard user must be able to reach, when they are shown.
FOCUSABLE = ", ".join(
    [
        "a[href]",
        "area[href]",
        "button:not([disabled])",
        "select:not([disabled])",
        "textarea:not([disabled])",
        "input:not([disabled]):not([type=hidden])",
        "summary",
        "[tabindex]:not([tabindex='-1'])",
        "[contenteditable]:not([contenteditable=false])",
    ]
)
_MARK_FOCUSABLE = (
    """() => {
  const selector = """
    + json.dumps(FOCUSABLE)
    + """;
  const shown = [...document.querySelectorAll(selector)].filter(
    (e) => e.checkVisibility({ visibilityProperty: true, opacityProperty: true })
  );
  shown.forEach((e, i) => { e.dataset.keyboardProbe = String(i); });
  return shown.map((e) => e.outerHTML.split(">")[0].slice(0, 120) + ">");
}"""
)

# Whether an element draws a focus ring now: on itself or on a pseudo-element (DSFR's
# enlarged links draw it on ::before), at least 2 CSS px wide.
_HAS_RING = """(e) => {
  const ring = (s) => s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2;
  const pseudo = (p) => {
    const s = getComputedStyle(e, p);
    return s.content !== "none" && ring(s);
  };
  return ring(getComputedStyle(e)) || pseudo("::before") || pseudo("::after");
}"""

_ACTIVE = (
    """() => {
  const e = document.activeElement;
  if (!e || e === document.body || e === document.documentElement) return null;
  return { probe: e.dataset.keyboardProbe ?? null, tag: e.tagName,
           html: e.outerHTML.split(">")[0].slice(0, 120) + ">", ring: ("""
    + _HAS_RING
    + """)(e) };
}"""
)

_RINGS_WHEN_UNFOCUSED = (
    """(probes) => {
  if (document.activeElement) document.activeElement.blur();
  const ring = """
    + _HAS_RING
    + """;
  return probes.filter((p) => ring(document.querySelector(`[data-keyboard-probe="${p}"]`)));
}"""
)


@dataclass
class TabWalk:
    """What pressing Tab from the top of a fresh page went through."""

    stops: list  # {probe, tag, html, ring} per focused element, in order
    focusable: list  # the opening tags of every shown focusable element
    unreached: list  # those Tab never reached
    ring_without_focus: list  # elements whose "focus" ring is there without focus
    presses: list  # what each press left focused, as read: a stop, or None (the document)

    def first(self):
        return self.stops[0]["html"] if self.stops else None

    def describe_presses(self):
        """The presses in a line each: what a failure message shows of how the walk went."""
        return [
            f"{n}: " + ("(the document)" if a is None else f"{a['tag']} probe={a['probe']}")
            for n, a in enumerate(self.presses, 1)
        ]

    def without_ring(self):
        # A frame's document holds the focus it receives: its own page draws the ring.
        return [s["html"] for s in self.stops if not s["ring"] and s["tag"] != "IFRAME"]


# Notes what each Tab press left focused, as _ACTIVE would right after it: the page sees
# the key's release once focus has moved, so the presses need no round trip of their own.
_RECORD_TABS = (
    """() => {
  window.__tabStops = [];
  const active = """
    + _ACTIVE
    + """;
  addEventListener("keyup", (event) => {
    if (event.key === "Tab") window.__tabStops.push(active());
  }, true);
}"""
)


def _walk(records):
    """The stops of a Tab walk, cut where focus left the page or came round; and whether it
    was cut (else more presses may follow)."""
    stops, seen = [], set()
    for active in records:
        if active is None or (active["probe"] is not None and active["probe"] in seen):
            return stops, seen, True  # back to the document, or round again
        if active["probe"] is not None:
            seen.add(active["probe"])
        stops.append(active)
    return stops, seen, False


def _press_and_read(page, count):
    """Press Tab `count` times, then read what the page noted of every press so far."""
    for _ in range(count):
        page.keyboard.press("Tab")
    return page.evaluate("window.__tabStops")


# Whether the page holds focus again: once its frame's process has handed it back.
_FOCUS_IN_PAGE = """() => {
  const e = document.activeElement;
  return !!e && e !== document.body && e !== document.documentElement;
}"""
# How long a press that leaves a frame may take to hand focus back to the page.
_FRAME_HAND_BACK_MS = 1000


def _after_press(page, records):
    """What the press left focused. Out of a frame whose document Chromium runs in a
    process of its own (site isolation: browser.FRAMES_IN_THEIR_PAGES_PROCESS turns it
    off), the page's next element gets focus a message later: read too soon, and on a
    busy machine, focus seems to have left the page."""
    active = page.evaluate(_ACTIVE)
    if active is None and records and records[-1] and records[-1]["tag"] == "IFRAME":
        try:
            page.wait_for_function(_FOCUS_IN_PAGE, timeout=_FRAME_HAND_BACK_MS)
        except PlaywrightTimeoutError:
            return None  # focus did leave the page
        active = page.evaluate(_ACTIVE)
    return active


def _walk_press_by_press(page, bound):
    """The walk, reading the focused element after each press (a round trip each)."""
    records = []
    for _ in range(bound):
        page.keyboard.press("Tab")
        records.append(_after_press(page, records))
        stops, seen, done = _walk(records)
        if done:
            break
    return stops, seen, records


def _walk_from_notes(page, count, bound):
    """The walk from the page's notes of each press, or None where they cannot tell it.

    A press that takes focus out of the page leaves no note (the page gets no key
    release): after `count` presses, one note missing means that the last one did.
    """
    page.evaluate(_RECORD_TABS)
    records = _press_and_read(page, count)
    stops, seen, done = _walk(records)
    if len(records) == count - 1 and not done:
        return stops, seen, [*records, None]
    if len(records) != count:
        return None  # focus left the page earlier, then came back: where is unknown
    while not done and len(records) < bound:
        pressed = len(records) + 1
        records = _press_and_read(page, 1)
        if len(records) < pressed:
            return stops, seen, [*records, None]  # this press took focus out of the page
        stops, seen, done = _walk(records)
    return stops, seen, records


def tab_through(page, frames=False):
    """Press Tab from the top of the freshly loaded `page` until focus leaves the page.

    Its frames must have loaded (browser.PageWatch.load_lazy_frames): one whose document
    arrives while Tab passes it drops focus to the body, where the walk ends.
    A page with `frames` is read after each press: a key released inside a frame's
    document is not seen by the page, so the page's own notes would miss it.
    """
    focusable = page.evaluate(_MARK_FOCUSABLE)
    bound = len(focusable) + 5
    # A walk that reaches each element once ends at the press after the last one.
    walked = None if frames else _walk_from_notes(page, len(focusable) + 1, bound)
    if walked is None:
        if not frames:
            page.reload()  # from the top again
            focusable = page.evaluate(_MARK_FOCUSABLE)
        walked = _walk_press_by_press(page, bound)
    stops, seen, presses = walked
    unreached = [html for i, html in enumerate(focusable) if str(i) not in seen]
    ringed = page.evaluate(_RINGS_WHEN_UNFOCUSED, sorted(seen, key=int))
    ring_without_focus = [focusable[int(p)] for p in ringed]
    return TabWalk(stops, focusable, unreached, ring_without_focus, presses)


# Focuses the first skip link (as Playwright's focus() does); its href, or null if none.
_FOCUS_FIRST_SKIP_LINK = """() => {
  const link = document.querySelector(".fr-skiplinks a");
  if (!link) return null;
  link.focus();
  return link.getAttribute("href");
}"""


def follow_first_skip_link(page):
    """Focus the first skip link, press Enter; return (its href, focused element's id, tag).

    (None, None, None) when the page has no skip link.
    """
    href = page.evaluate(_FOCUS_FIRST_SKIP_LINK)
    if href is None:
        return None, None, None
    page.keyboard.press("Enter")
    page.wait_for_function("(h) => location.hash === h", arg=href, timeout=5000)
    focused = page.evaluate("() => [document.activeElement.id, document.activeElement.tagName]")
    return href, *focused
