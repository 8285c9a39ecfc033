"""`station score SCALE_ID ANSWERS`: JSON on stdout, one-line errors and exit 1 otherwise."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from station.cli import main

KEYS = ["scale", "raw", "total", "band", "subscales", "warnings", "complete", "missing"]


@pytest.fixture(autouse=True)
def detach_log_file() -> Iterator[None]:
    """main() attaches the rotating log file; close it so no file handle outlives the test."""
    yield
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "station", False):
            root.removeHandler(handler)
            handler.close()


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, Any], str]:
    code = main(["score", *args])
    out, err = capsys.readouterr()
    return code, (json.loads(out) if code == 0 else {}), err


def test_phq9_prints_json(capsys: pytest.CaptureFixture[str]) -> None:
    # 1+0+2+1+0+1+0+0+1 = 6 → mild; item 9 = 1 → the critical warning.
    code, data, err = run(capsys, "phq9", "1,0,2,1,0,1,0,0,1")
    assert code == 0 and err == ""
    assert list(data) == KEYS
    assert data["scale"] == "phq9" and data["raw"] == 6 and data["total"] == 6
    assert data["band"] == "mild" and data["subscales"] == {}
    assert [w["code"] for w in data["warnings"]] == ["item9"]
    assert data["warnings"][0]["level"] == "critical"
    assert "第 9 题" in data["warnings"][0]["reason"]
    assert data["complete"] is True and data["missing"] == []


def test_output_is_one_line_of_unescaped_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", "gad7", "3,3,3,1,0,0,0"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1
    assert "总分达到 10 分及以上" in out  # ensure_ascii=False: no \\u escapes


def test_missing_answers(capsys: pytest.CaptureFixture[str]) -> None:
    code, data, _ = run(capsys, "who5", "5,4,,2,1")
    assert code == 0
    assert data["raw"] == 12 and data["total"] is None and data["band"] is None
    assert data["warnings"] == [] and data["complete"] is False and data["missing"] == ["3"]


def test_cbi_subscales_and_mean(capsys: pytest.CaptureFixture[str]) -> None:
    answers = "100,75,50,25,0,100,75,50,25,0,100,75,0,50,50,50,50,75,100"
    code, data, _ = run(capsys, "cbi", answers)
    assert code == 0
    assert data["subscales"] == {"personal": 58.33, "work": 60.71, "client": 62.5}
    assert data["total"] == 60.53 and data["raw"] == 1150 and data["band"] == "moderate"
    assert [w["target"] for w in data["warnings"]] == [
        "subscale:personal",
        "subscale:work",
        "subscale:client",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("phq9", "1,2"), "PHQ-9 共有 9 道题，收到 2 个答案"),
        (("phq9", "1,0,7,1,0,1,0,0,1"), "第 3 题的答案“7”不是可选的值（0、1、2、3）。"),
        (("k10", "1,1,1,1,1,1,1,1,1,0"), "第 10 题的答案“0”不是可选的值（1、2、3、4、5）。"),
        (("gad7", "1,一,1,1,1,1,1"), "第 2 题的答案“一”不是整数。"),
        (("nope", "1,2,3"), "没有编号为 nope 的量表。"),
    ],
)
def test_bad_input_exits_1_with_a_chinese_message(
    capsys: pytest.CaptureFixture[str], args: tuple[str, str], message: str
) -> None:
    code, _, err = run(capsys, *args)
    assert code == 1
    assert message in err
    assert err.count("\n") == 1 and " / " in err  # one line, Chinese / English
    assert capsys.readouterr().out == ""


def test_missing_argument_is_bad_usage(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["score", "phq9"])
    assert caught.value.code == 2
    capsys.readouterr()


def test_as_a_separate_process() -> None:
    repo = Path(__file__).resolve().parents[1]
    env = {k: v for k, v in os.environ.items() if k != "STATION_PASSWORD"}
    env["PYTHONIOENCODING"] = "utf-8"  # a Windows console code page would garble the JSON
    done = subprocess.run(
        [sys.executable, "-m", "station", "score", "who5", "5,4,3,2,1"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=repo,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    # 5+4+3+2+1 = 15 raw, × 4 = 60 % → adequate.
    assert list(data) == KEYS
    assert (data["raw"], data["total"], data["band"]) == (15, 60, "adequate")
    failed = subprocess.run(
        [sys.executable, "-m", "station", "score", "who5", "6,4,3,2,1"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=repo,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )
    assert failed.returncode == 1
    assert "第 1 题的答案“6”不是可选的值（5、4、3、2、1、0）。" in failed.stderr
