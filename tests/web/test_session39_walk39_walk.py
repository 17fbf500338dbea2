"""Session 39 (issues 12, 13 and 10, task walk39): a newcomer's walk — a laid-off 国企 worker of 52 in 通江 who
wants a 公益性岗位 or to open a 农家乐. Its web-layer class, in a real browser (Debian's Chromium through
Playwright) on the real app: the clause sheet is a modal dialog (aria-modal) laid over the conversation, but the
keyboard could leave it — Tab went on to 新对话, ✕, the log and the text box hidden behind it, so a question typed
there was sent and answered out of sight under the sheet. While the sheet is open, what lies behind it is inert.
And a draft's clause opened in the sheet said it was a draft only as the tail of the reference line, in the sheet's
smallest grey type (" · 征求意见稿（草案）"): the status is now a line of its own, in the warning style the sheet
gives a retired document's clause."""

from __future__ import annotations

import pytest

from .browsing import ARTIFACTS, CHROMIUM, QUESTION, ask, open_widget

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's Chromium is not installed")

# Where the focus is, told from inside the chat frame: in the sheet, elsewhere in the frame, or out of it.
FOCUS_PLACE = """() => {
  const active = document.activeElement;
  if (!document.hasFocus() || active === document.body) return "outside";
  return active.closest("#pb-sheet") ? "sheet" : "behind:" + (active.id || active.className);
}"""


def test_the_keyboard_stays_in_the_clause_sheet_while_it_is_open(page, host_site: int) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    frame = open_widget(page, host_site)
    answer = ask(frame, QUESTION)
    answer.locator("button.cite").first.click()
    expect(frame.locator("#pb-sheet")).to_be_visible()
    chat = next(f for f in page.frames if f.url.split("?", 1)[0].endswith("/widget/frame"))
    places = []
    for _ in range(8):
        page.keyboard.press("Tab")
        places.append(chat.evaluate(FOCUS_PLACE))
    assert not [p for p in places if p.startswith("behind:")], places
    for _ in range(8):
        page.keyboard.press("Shift+Tab")
        places.append(chat.evaluate(FOCUS_PLACE))
    assert not [p for p in places if p.startswith("behind:")], places


def test_closing_the_clause_sheet_gives_the_conversation_back_to_the_keyboard(page, host_site: int) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    frame = open_widget(page, host_site)
    answer = ask(frame, QUESTION)
    citation = answer.locator("button.cite").first
    citation.click()
    expect(frame.locator("#pb-sheet")).to_be_visible()
    page.keyboard.press("Escape")
    expect(frame.locator("#pb-sheet")).to_be_hidden()
    expect(citation).to_be_focused()
    frame.locator("#pb-input").click()
    page.keyboard.type("谢谢")
    expect(frame.locator("#pb-input")).to_have_value("谢谢")


def test_a_draft_clause_in_the_sheet_says_it_is_a_draft_on_its_own_warning_line(page, host_site: int) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    frame = open_widget(page, host_site)
    answer = ask(frame, "平顶山退役士兵创业有啥扶持")
    expect(answer).to_contain_text("征求意见稿")
    answer.locator("button.cite", has_text="平顶山").first.click()
    meta = frame.locator("#pb-sheet-meta")
    expect(meta).to_contain_text("平顶山市人民政府")
    note = meta.get_by_text("征求意见稿（草案）", exact=True)
    expect(note).to_be_visible()
    style = note.evaluate(
        """n => { const s = getComputedStyle(n), m = getComputedStyle(n.parentElement);
        return [s.display, s.fontWeight, s.color !== m.color]; }"""
    )
    assert style[0] == "block" and int(style[1]) >= 600 and style[2], style
    page.screenshot(path=str(ARTIFACTS / "walk39-draft-clause-sheet.png"))
