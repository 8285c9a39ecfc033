"""stats.xlsx opened by another spreadsheet program: LibreOffice (headless) converts the
sheet with every table to CSV, and the CSV holds the same figures as stats.json."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from station.export import files as export_files
from station.services import export
from station.services.context import SignedIn
from tests.export_fixtures import use_fake_finalise
from tests.records_fixtures import insert_session, new_client_case

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice (soffice) is not installed; CI installs it"
)
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1"  # comma, quote, UTF-8


def _to_csv(xlsx: Path, work: Path) -> list[list[str]]:
    assert SOFFICE is not None
    out = work / "csv"
    profile = (work / "lo-profile").as_uri()  # a private profile: no clash with others
    done = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            CSV_FILTER,
            "--outdir",
            str(out),
            str(xlsx),
        ],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    target = out / (xlsx.stem + ".csv")
    assert done.returncode == 0 and target.exists(), done.stdout + done.stderr
    return list(csv.reader(io.StringIO(target.read_text(encoding="utf-8"))))


def _number(text: str) -> int | str:
    return "*" if text == "*" else int(text)


def _share(text: str) -> float | str | None:
    if text in ("*",):
        return "*"
    if text == "—":
        return None
    assert text.endswith("%"), text
    return float(text[:-1]) / 100


def _blocks(rows: list[list[str]]) -> list[tuple[str, list[list[str]]]]:
    """(heading, rows after it up to the next empty row) for every table block."""
    blocks: list[tuple[str, list[list[str]]]] = []
    i = 0
    while i < len(rows):
        first = rows[i][0] if rows[i] else ""
        if (first.startswith("表") and " · " in first) or first == "比率":
            body: list[list[str]] = []
            i += 1
            while i < len(rows) and any(cell.strip() for cell in rows[i]):
                body.append(rows[i])
                i += 1
            blocks.append((first, body))
        else:
            i += 1
    return blocks


def _compare(rows: list[list[str]], document: dict[str, Any]) -> int:
    """Check every figure; return how many cells were compared."""
    blocks = _blocks(rows)
    compared = 0
    expected_blocks = [
        (view, scope) for view in export_files.tables(document) for scope, _ in view.scopes
    ]
    table_blocks = [b for b in blocks if b[0] != "比率"]
    assert len(table_blocks) == len(expected_blocks)
    for (heading, body), (view, scope) in zip(table_blocks, expected_blocks, strict=True):
        table = document["tables"][view.id]
        assert table["title"] in heading
        assert ("本月" if scope == "month" else "本年累计") in heading
        header, *lines = body
        assert header[0] == "类别"
        cols = table["cols"]
        assert header[1 : 1 + len(cols)] == [c["label"] for c in cols]  # Chinese headers
        assert [line[0] for line in lines] == [r["label"] for r in table["rows"]]
        for line, row in zip(lines, table["rows"], strict=True):
            for j, col in enumerate(cols, start=1):
                want = table[scope][row["code"]].get(col["code"])
                got = line[j]
                if want is None:
                    assert got == ""
                else:
                    assert _number(got) == want, (view.id, scope, row["code"], col["code"])
                compared += 1
    shares = [b for b in blocks if b[0] == "比率"]
    if document["shares"]:
        (_, (header, *lines)) = shares[0]
        assert header[0] == "指标"
        by_label = {line[0]: line for line in lines}
        for share in document["shares"].values():
            line = by_label[share["label"]]
            for j, scope in ((1, "month"), (2, "ytd")):
                share_got = _share(line[j])
                share_want = share.get(scope)
                if isinstance(share_want, float):
                    assert isinstance(share_got, float)
                    assert abs(share_got - share_want) < 0.0006
                else:
                    assert share_got == share_want
                compared += 1
    return compared


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    folder = tmp_path / "stick"
    folder.mkdir()
    return folder


def test_libreoffice_reads_the_hand_made_document(
    custodian: SignedIn, stick: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_fake_finalise(monkeypatch)
    result = export.export_month(custodian, 2026, 3, stick)
    document = json.loads((result.path / "stats.json").read_bytes())
    rows = _to_csv(result.path / "stats.xlsx", tmp_path)
    assert _compare(rows, document) > 30
    assert any(export_files.footnote(document) in row for row in rows)


def test_libreoffice_reads_a_real_release(
    custodian: SignedIn, lin: SignedIn, stick: Path, tmp_path: Path
) -> None:
    last = date.today().replace(day=1) - timedelta(days=1)
    for i in range(7):
        _, case_id = new_client_case(lin, name=f"来访者{i}", opened_on=last.replace(day=3))
        insert_session(lin, case_id, last.replace(day=5 + i))
    result = export.export_month(custodian, last.year, last.month, stick)
    document = json.loads((result.path / "stats.json").read_bytes())
    rows = _to_csv(result.path / "stats.xlsx", tmp_path)
    assert _compare(rows, document) > 100
