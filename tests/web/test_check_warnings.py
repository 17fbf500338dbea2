"""POST /api/check and dates JSON Schema cannot judge: a date of the right form that no calendar has,
or later than its fact allows, leaves the profile checked (200), that date out — so it is asked —
and a Chinese warning; a date in another form is still refused (422 with the Chinese message)."""

from __future__ import annotations

from fastapi.testclient import TestClient

PERSON = {"as_of": "2020-06-01", "region": "长春", "education": "college", "age": 23}


def test_a_graduation_day_no_calendar_has_is_set_aside_and_asked(client: TestClient) -> None:
    response = client.post("/api/check", json={**PERSON, "graduation_date": "2020-02-30"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert [(w["fact"], w["problem"]) for w in body["warnings"]] == [("graduation_date", "impossible_date")]
    assert "2020-02-30" in body["warnings"][0]["message_zh"] and "不存在" in body["warnings"][0]["message_zh"]
    without = client.post("/api/check", json=PERSON).json()
    assert body["next_question"] == without["next_question"], "the same as never having said it"
    assert without["warnings"] == []


def test_a_certificate_dated_after_the_query_day_is_left_out_of_its_record(client: TestClient) -> None:
    later = {**PERSON, "certificates": [{"level": "senior", "date": "2020-07-15"}]}
    body = client.post("/api/check", json=later).json()
    assert [(w["fact"], w["problem"]) for w in body["warnings"]] == [("certificate_date", "too_late")]
    assert "不能晚于" in body["warnings"][0]["message_zh"]


def test_a_query_day_no_calendar_has_is_answered_for_today_with_a_warning(client: TestClient) -> None:
    body = client.post("/api/check", json={**PERSON, "as_of": "2019-04-31"}).json()
    assert [w["problem"] for w in body["warnings"]] == ["impossible_as_of"]
    assert "已按今天查询" in body["warnings"][0]["message_zh"]


def test_a_date_in_another_form_is_still_refused_in_chinese(client: TestClient) -> None:
    for written in ("2020/06/01", "20200601", "1899-12-31", "2020-6-1"):
        response = client.post("/api/check", json={**PERSON, "graduation_date": written})
        assert response.status_code == 422, written
        assert response.json()["code"] == "bad_profile" and "日期（YYYY-MM-DD）" in response.json()["error"]
