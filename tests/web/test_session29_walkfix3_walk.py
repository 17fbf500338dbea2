"""Session 29 (issues 11/12, task walkfix3): a newcomer's walk through the widget, its classes as our own
conversations through `POST /api/chat` —
- a first message telling one's situation in a covered place and asking what there is gets the check,
  never "no clause answers this";
- a relative's disability is the household's (残疾人家庭), never the speaker's 残疾;
- a 可多选 question — a list fact asked alone too (家庭情况) — is ticked, then answered by 确定 or 都不是, each
  a control of its own; ticking answers nothing;
- 都不是 typed before what someone else does answers the question waiting."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.chatting import Chat
from tests.web.chatting import say as _say


def _texts(chat: Chat) -> list[str]:
    return [r["text"] for r in chat["replies"]]


def _buttons(reply: Chat) -> list[Chat]:
    return [b for row in reply["buttons"] for b in row]


def _until_asked(client: TestClient, told: str, wanted: str, unsure_of: str = "") -> tuple[str, Chat]:
    """Tells `told`, confirms, answers (都不是 / the first option; 不清楚 to `unsure_of`) until `wanted` is asked."""
    chat = _say(client, None, message=told)
    session = str(chat["session_id"])
    chat = _say(client, session, choice="ok")
    for _ in range(16):
        last = chat["replies"][-1]
        assert last["kind"] == "question", _texts(chat)
        if last["asks"] == wanted:
            return session, last
        buttons = _buttons(last)
        if last["asks"] == unsure_of:
            chosen = [b for b in buttons if b["label"] == "不清楚"]
        else:
            chosen = [b for b in buttons if b["action"].startswith("none:")] or buttons
        chat = _say(client, session, choice=chosen[0]["action"])
    raise AssertionError(f"{wanted} was never asked")


def test_a_first_message_with_what_there_is_starts_the_check(client: TestClient) -> None:
    chat = _say(client, None, message="资阳安岳的 48岁，厂子关了被裁，有啥子政策没得")
    assert all(r["answer_status"] != "no_answer" for r in chat["replies"]), _texts(chat)
    card = chat["replies"][-1]
    assert card["kind"] == "confirm" and card["facts"].get("region") == "安岳县", _texts(chat)


def test_a_childs_disability_is_the_households_on_the_card(client: TestClient) -> None:
    chat = _say(client, None, message="我是雁江的 42岁 失业了，我屋头娃儿有残疾证")
    card = chat["replies"][-1]
    assert card["kind"] == "confirm", _texts(chat)
    assert card["facts"].get("disabled") is not True, card["facts"]
    assert card["facts"].get("household") == ["disabled_family"], card["facts"]
    assert "残疾人家庭" in card["text"] and "· 残疾：是" not in card["text"], card["text"]


def test_the_household_list_is_ticked_then_submitted_or_none(client: TestClient) -> None:
    session, asked = _until_asked(client, "我在资阳乐至县，45岁，失业了", "household", unsure_of="situation")
    assert asked["multi_select"], asked
    actions = [b["action"] for b in _buttons(asked)]
    labels = [b["label"] for b in _buttons(asked)]
    assert "done:household" in actions and "none:household" in actions, labels
    assert "都不是" in labels and any("残疾人家庭（" in label for label in labels), labels
    tick = next(a for a in actions if a.startswith("tick:household:"))
    ticked = _say(client, session, choice=tick)
    again = ticked["replies"][-1]
    assert again["kind"] == "question" and again["asks"] == "household", _texts(ticked)
    assert any(b["label"].startswith("☑️") for b in _buttons(again)), [b["label"] for b in _buttons(again)]
    chat = _say(client, session, choice="none:household")
    assert chat["replies"][0]["kind"] == "acknowledge" and "都不是" in chat["replies"][0]["text"], _texts(chat)
    assert chat["replies"][-1]["asks"] != "household", _texts(chat)


def test_none_typed_before_someone_elses_work_answers_the_question(client: TestClient) -> None:
    session, _ = _until_asked(client, "我在资阳雁江区，44岁，下岗了", "situation")
    chat = _say(client, session, message="都不是哦 我男人在外头开货车挣钱")
    kinds = [r["kind"] for r in chat["replies"]]
    assert kinds[0] == "acknowledge" and "answer" not in kinds, _texts(chat)
    assert chat["replies"][-1].get("asks") != "situation", _texts(chat)
