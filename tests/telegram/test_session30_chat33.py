"""Session 30 (chat33): a relative's check beside one's own on Telegram — asked in words, its card says whose
it is, and the ↩️ button brings the speaker's own facts back unchanged."""

from __future__ import annotations

from bot.dialogue.service import session_key
from bot.dialogue.store import SqlSessionStore

from .conftest import RunningBot
from .fake_bot_api import FakeBotApi

CHAT = 5353


def test_a_relatives_check_and_the_button_back(api: FakeBotApi, bot: RunningBot, store: SqlSessionStore) -> None:
    api.send_text(CHAT, "我在平顶山 四十四 在超市上班")
    api.wait_for(lambda calls: any("我从您的话里了解到" in c.text for c in calls))
    confirm = [c for c in api.calls if "我从您的话里了解到" in c.text][-1]
    api.press(CHAT, confirm, "对，继续")
    api.wait_for(lambda calls: any("好的，已记下" in c.text for c in calls))
    mine = dict(store.load(session_key("telegram", CHAT)).profile)  # type: ignore[union-attr]
    api.send_text(CHAT, "帮我儿子也查一下")
    api.wait_for(lambda calls: any("为您儿子查询" in c.text for c in calls))
    started = [c for c in api.calls if "为您儿子查询" in c.text][-1]
    api.press(CHAT, started, "回到我自己的")
    api.wait_for(lambda calls: any("回到您本人" in c.text for c in calls))
    state = store.load(session_key("telegram", CHAT))
    # The son, of whom nothing was told yet, is let go; the speaker's facts are back as they were.
    assert state is not None and state.profile == mine and not state.for_someone_else and state.others == ()
