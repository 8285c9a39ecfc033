"""`station` command line: the GUI by default, and sub-commands for scripts.

Exit codes: 0 success, 1 a failure explained in one line on stderr (Chinese /
English), 2 bad usage. Passwords come from STATION_PASSWORD, else a prompt
without echo.
"""

from __future__ import annotations

import argparse
import getpass
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from station import __version__
from station.errors import StationError
from station.models.enums import StationKind
from station.paths import default_vault_dir


class UsageError(Exception):
    """Bad usage found after parsing (exit 2)."""


def _password(prompt: str = "密码 / password: ", confirm: bool = False) -> str:
    env = os.environ.get("STATION_PASSWORD")
    if env:
        return env
    if not sys.stdin.isatty():
        raise UsageError("no password: set STATION_PASSWORD or run in a terminal")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("再次输入 / again: ") != first:
        raise StationError("两次输入的密码不一致。", "The passwords differ.")
    return first


def _vault_dir(args: argparse.Namespace) -> Path:
    return Path(args.vault).expanduser() if args.vault else default_vault_dir()


# -- sub-commands ---------------------------------------------------------------
def cmd_gui(args: argparse.Namespace) -> int:
    from station.ui import gui

    ok, why = gui.display_available()
    if not ok:
        print(why, file=sys.stderr)
        return 1
    if not args.demo:
        return gui.run(_vault_dir(args))
    from station.services import demo

    folder = Path(tempfile.mkdtemp(prefix="station-demo-"))
    print("正在生成演示档案库（虚构数据，约一分钟）… / building the demo vault…", file=sys.stderr)
    try:
        made = demo.create_demo(folder / "vault", seed=args.seed)
        return gui.run(made.path, demo_hint=made.hint())
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def cmd_init(args: argparse.Namespace) -> int:
    from station.services import setup

    station = setup.StationInput(
        args.station_name, args.station_code, StationKind(args.kind), args.region
    )
    password = _password(confirm=True)
    custodian = setup.CustodianInput(args.user, args.display_name or args.user, password)
    setup.validate(station, custodian)
    result = setup.create_vault(
        _vault_dir(args), station, custodian, device_binding=not args.no_device_binding
    )
    try:
        if args.sheet:
            from station.services import recovery_sheet

            recovery_sheet.write(result.ctx, result.recovery_key, Path(args.sheet))
        print(f"recovery-key: {result.recovery_key}")
        print(f"signing-key-id: {result.signing.key_id}", file=sys.stderr)
    finally:
        from station.services import accounts

        accounts.logout(result.ctx)
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from station.services import demo

    print("正在生成演示档案库（虚构数据）… / building the demo vault…", file=sys.stderr)
    made = demo.create_demo(_vault_dir(args), seed=args.seed)
    print(f"vault: {made.path}")
    for user in made.users:
        print(f"user: {user.login} ({user.role.value})")
    print(f"password: {made.password}")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from station.services import accounts, vault_check

    ctx = accounts.login(_vault_dir(args), args.user, _password())
    try:
        report = vault_check.verify(ctx)
    finally:
        accounts.logout(ctx)
    for line in report.lines():
        print(line)
    return 0 if report.ok else 1


def cmd_import(args: argparse.Namespace) -> int:
    """Import a register: every bad row is listed; nothing is imported while any exists."""
    from station.services import accounts, legacy_import

    parsed = legacy_import.parse_file(Path(args.file).expanduser())
    ctx = accounts.login(_vault_dir(args), args.user, _password())
    try:
        plan = legacy_import.validate(ctx, parsed)
        for bad in plan.bad_rows:
            print(bad.message())
        if plan.bad_rows and not args.only_good_rows:
            n = len(plan.bad_rows)
            print(
                f"共 {n} 行有误，未导入任何记录；改正后重新导入，或加 --only-good-rows 只导入"
                f"无误的行。 / {n} bad rows; nothing was imported.",
                file=sys.stderr,
            )
            return 1
        result = legacy_import.run_import(ctx, plan, only_good_rows=args.only_good_rows)
    finally:
        accounts.logout(ctx)
    print(f"导入行数 / rows: {result.rows}")
    print(
        f"来访者 / clients: {result.clients} "
        f"(新建 new {result.clients_created}, 已有 existing {result.clients_matched})"
    )
    print(f"个案 / cases: {result.cases}")
    print(f"服务记录 / sessions: {result.sessions}")
    print(f"跳过的行 / skipped rows: {result.skipped_rows}")
    return 0


def cmd_form(args: argparse.Namespace) -> int:
    """Print a form to a PDF file: a blank consent form, or one referral. The save is
    audited (``form_save``) once the file is written."""
    from station.services import accounts, forms

    if args.form == "referral" and args.referral is None:
        raise UsageError("form referral needs --referral ID")
    if args.form == "consent" and args.referral is not None:
        raise UsageError("--referral belongs to form referral")
    out = Path(args.out).expanduser()
    if not out.parent.is_dir():
        raise StationError("保存位置的文件夹不存在。", f"The folder of {out.name} does not exist.")
    ctx = accounts.login(_vault_dir(args), args.user, _password())
    try:
        if args.form == "consent":
            data = forms.consent_form_pdf(ctx, blank=True)
            object_id = None
        else:
            from station.services import referrals

            ref = args.referral.strip()
            object_id = int(ref) if ref.isdigit() else referrals.referral_id_by_number(ctx, ref)
            data = forms.referral_form_pdf(ctx, object_id)
        try:
            out.write_bytes(data)
        except OSError as exc:
            raise StationError(
                "无法写入 PDF 文件（请检查保存位置和权限）。",
                f"Cannot write the PDF file: {exc.strerror or exc}.",
            ) from None
        forms.record_output(ctx, args.form, object_id, "save")
    finally:
        accounts.logout(ctx)
    print(f"pdf: {out}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Export one month's statistics for the city office into --out (a USB drive)."""
    import re

    from station.services import accounts, export

    match = re.fullmatch(r"(\d{4})-(\d{2})", args.month.strip())
    if match is None or not 1 <= int(match.group(2)) <= 12:
        raise UsageError("--month must be YYYY-MM, e.g. 2026-03")
    out = Path(args.out).expanduser()
    ctx = accounts.login(_vault_dir(args), args.user, _password())
    try:
        result = export.export_month(ctx, int(match.group(1)), int(match.group(2)), out)
    finally:
        accounts.logout(ctx)
    print(f"export: {result.path}")
    print(f"sequence: {result.sequence}")
    print(f"encrypted: {'yes' if result.encrypted else 'no'}")
    if not result.encrypted:
        print(
            "注意：尚未设置市办公室公钥，本次导出已签名但没有加密。"
            " / No city office key is set: the export is signed but NOT encrypted.",
            file=sys.stderr,
        )
    return 0


def cmd_aggregate(args: argparse.Namespace) -> int:
    """Verify station exports and write the city report for each month in them.

    All or nothing: when any export is rejected, each is named with its reason, and no
    report is written and no export recorded (run again without the rejected ones).
    """
    from station.city import aggregate, outputs, verify
    from station.city.registry import Registry

    keys = Path(args.keys).expanduser()
    if not keys.is_dir():
        raise StationError(
            f"公钥文件夹不存在：{keys.name}", f"The keys folder does not exist: {keys.name}"
        )
    state = Path(args.state).expanduser() if args.state else keys / "accepted.json"
    identity = None
    if args.identity:
        try:
            data = Path(args.identity).expanduser().read_bytes()
        except OSError:
            raise StationError("无法读取身份密钥文件。", "Cannot read the identity file.") from None
        identity = verify.read_identity_file(
            data, lambda: _password("身份密钥口令 / identity passphrase: ")
        )
    registry = Registry(keys, state)
    result = verify.verify_batch([Path(p).expanduser() for p in args.exports], identity, registry)
    for name, exc in result.rejected:
        print(f"{name}: {exc.one_line()}", file=sys.stderr)
    if result.rejected:
        n = len(result.rejected)
        print(
            f"{n} 个导出被拒收：没有生成报表，也没有记录任何导出；去掉被拒收的导出后重新运行。"
            f" / {n} export(s) rejected: nothing was written or recorded.",
            file=sys.stderr,
        )
        return 1
    codes = [k.station_code for k in registry.trusted_keys() if k.station_code]
    reports = aggregate.batch_reports([(e.stats, e.sequence) for e in result.accepted], codes)
    files = outputs.write_reports(reports, Path(args.out).expanduser())
    verify.commit(registry, result.accepted)
    for export in result.accepted:
        print(f"accepted: {export.source} ({export.station} {export.period} #{export.sequence})")
    for written in files:
        print(f"xlsx: {written.xlsx}")
        print(f"pdf: {written.pdf}")
    return 0


def cmd_city(args: argparse.Namespace) -> int:
    from station.ui import gui

    ok, why = gui.display_available()
    if not ok:
        print(why, file=sys.stderr)
        return 1
    from station.ui.city_app import run_city

    return run_city(Path(args.folder).expanduser() if args.folder else None)


def cmd_self_test(args: argparse.Namespace) -> int:
    from station.services import selftest

    checks = selftest.run(_vault_dir(args))
    for check in checks:
        print(check.line())
    return 0 if all(c.ok for c in checks if c.essential) else 1


def cmd_score(args: argparse.Namespace) -> int:
    """Score one administration of a shipped scale; no vault, nothing is stored."""
    import json

    from station.scales import library, scoring

    definition = library.shipped_scale(args.scale)
    answers = scoring.parse_answers(definition, args.answers)
    result = scoring.score(definition, answers)
    print(json.dumps(result.to_json(), ensure_ascii=False))
    return 0


# -- parser ---------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="station", description="心理健康服务站个案管理")
    parser.add_argument("--version", action="version", version=f"station {__version__}")
    parser.add_argument("--vault", metavar="DIR", help="档案库文件夹 / vault folder")
    parser.add_argument("--demo", action="store_true", help="在临时演示档案库上启动")
    parser.add_argument("--seed", type=int, default=1, help=argparse.SUPPRESS)
    parser.set_defaults(func=cmd_gui)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(
        name: str, func: Callable[[argparse.Namespace], int], text: str, user: bool = False
    ) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=text, description=text)
        p.add_argument("--vault", metavar="DIR", help="档案库文件夹 / vault folder")
        if user:
            p.add_argument("--user", metavar="NAME", required=True, help="用户名 / user name")
        p.set_defaults(func=func)
        return p

    init = command("init", cmd_init, "创建档案库 / create a vault", user=True)
    init.add_argument("--station-name", required=True)
    init.add_argument("--station-code", required=True)
    init.add_argument("--kind", required=True, choices=[k.value for k in StationKind])
    init.add_argument("--region", default="")
    init.add_argument("--display-name", default="")
    init.add_argument("--sheet", metavar="PDF", help="恢复密钥单保存位置 / recovery sheet PDF")
    init.add_argument(
        "--no-device-binding",
        action="store_true",
        help="不绑定设备（无系统凭据存储时）/ run without device binding",
    )

    demo = command("demo", cmd_demo, "创建演示档案库 / create a demo vault")
    demo.add_argument("--seed", type=int, default=1)

    command("verify", cmd_verify, "校验档案库与审计日志 / verify the vault", user=True)
    command("self-test", cmd_self_test, "检查本机环境 / check this machine")
    city = sub.add_parser(
        "city",
        help="市办公室模式：登记站点公钥、接收导出、全市汇总 / city office mode",
        description="市办公室模式：登记站点公钥、接收导出、全市汇总 / city office mode",
    )
    city.add_argument("--folder", metavar="DIR", help="市办公室工作文件夹 / city workspace")
    city.set_defaults(func=cmd_city)
    imp = command("import", cmd_import, "导入台账 / import a register (xlsx, csv)", user=True)
    imp.add_argument("file", metavar="FILE", help="台账文件 .xlsx 或 .csv / register file")
    imp.add_argument(
        "--only-good-rows",
        action="store_true",
        help="跳过有误的行，只导入无误的行 / import only the rows without errors",
    )
    form = command(
        "form",
        cmd_form,
        "打印表单为 PDF：空白知情同意书或一份转介单 / print a form to PDF",
        user=True,
    )
    form.add_argument(
        "form",
        choices=["consent", "referral"],
        metavar="FORM",
        help="consent（空白知情同意书 / blank consent form）或 referral（转介单 / referral form)",
    )
    form.add_argument(
        "--referral",
        metavar="ID",
        help="转介单 ID 或编号（如 ZJ2026-0001）/ referral id or number",
    )
    form.add_argument("--out", required=True, metavar="PDF", help="保存位置 / output PDF file")
    exp = command(
        "export", cmd_export, "导出月度统计（报送市办公室）/ export a month's statistics", user=True
    )
    exp.add_argument("--month", required=True, metavar="YYYY-MM", help="统计月份 / the month")
    exp.add_argument("--out", required=True, metavar="DIR", help="导出到的文件夹（U盘）/ target")
    agg = sub.add_parser(
        "aggregate",
        help="市办公室：校验站点导出并生成全市汇总 / city office: verify exports, aggregate",
        description="市办公室：校验站点导出并生成全市汇总 / city office: verify exports, aggregate",
    )
    agg.add_argument("--out", required=True, metavar="DIR", help="汇总报表文件夹 / output folder")
    agg.add_argument(
        "--keys", required=True, metavar="DIR", help="站点公钥文件夹（<站点编码>.pub）/ keys"
    )
    agg.add_argument(
        "--identity", metavar="FILE", help="市办公室身份密钥（解密 .tar.age）/ age identity"
    )
    agg.add_argument(
        "--state",
        metavar="FILE",
        help="已接收导出的记录（默认 <keys>/accepted.json）/ accepted-exports record",
    )
    agg.add_argument("exports", nargs="+", metavar="EXPORT", help="导出文件夹、.tar 或 .tar.age")
    agg.set_defaults(func=cmd_aggregate)
    score = sub.add_parser(
        "score",
        help="量表计分（输出 JSON）/ score a scale (JSON)",
        description="量表计分，结果以 JSON 输出 / score a scale, result as JSON",
    )
    score.add_argument("scale", metavar="SCALE_ID", help="量表编号，如 phq9 / scale id")
    score.add_argument(
        "answers",
        metavar="ANSWERS",
        help="按题目顺序、用逗号分隔的答案，未答的题留空，如 1,0,2,,3 / answers in item order",
    )
    score.set_defaults(func=cmd_score)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from station import logs

    logs.configure()
    try:
        result: int = args.func(args)
    except StationError as exc:
        print(exc.one_line(), file=sys.stderr)
        return 1
    except UsageError as exc:
        print(f"station: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 1
    return result


if __name__ == "__main__":
    raise SystemExit(main())
