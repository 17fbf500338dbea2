"""deploy/ read the way Docker and an operator read it.

No Docker engine runs here, so these tests check that the compose file, the Dockerfile, the env
example and the runbook name only things that exist — our CLI's subcommands and options (parsed by
the real argparse parser), Settings fields, compose services and volumes, files in the build
context — and run the Dockerfile's own Python checks and the runbook's SQLite backup line for real.
The processes they start are tested elsewhere: `chroma run` in tests/scaleout, `policybot serve`
in tests/web, `policybot ingest` in tests/knowledge, `policybot telegram` in tests/telegram.
"""

from __future__ import annotations

import os
import re
import shlex
import sqlite3
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import dockerfile
import pytest
import yaml
from pydantic import SecretStr
from sqlalchemy.engine import make_url

from bot.cli import build_parser
from bot.settings import Settings
from bot.web.api import router
from tests.knowledge.conftest_model import shipped_model_dir

REPO = Path(__file__).resolve().parents[2]
DEPLOY = REPO / "deploy"
COMPOSE_TEXT = (DEPLOY / "compose.yaml").read_text(encoding="utf-8")
COMPOSE = yaml.safe_load(COMPOSE_TEXT)
SERVICES: dict[str, dict] = COMPOSE["services"]
DOCKERFILE = dockerfile.parse_file(str(DEPLOY / "Dockerfile"))
RUNBOOK = (DEPLOY / "RUNBOOK.md").read_text(encoding="utf-8")
ENV_EXAMPLE = (DEPLOY / ".env.example").read_text(encoding="utf-8").splitlines()
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))

SETTING_NAMES = {f"POLICYBOT_{name.upper()}": name for name in Settings.model_fields}
ENV_LINE = re.compile(r"^(?P<commented># )?(?P<name>[A-Z][A-Z0-9_]*)=(?P<value>.*)$")
INTERPOLATION = re.compile(r"\$\{(?P<name>[A-Z][A-Z0-9_]*)(?P<rest>[^}]*)\}")


# -- helpers ----------------------------------------------------------------------------------


def parse_policybot(argv: list[str]) -> object:
    """The real CLI parser's reading of `policybot ARGV`; a test failure (not an exit) when it refuses."""
    try:
        return build_parser().parse_args(argv)
    except SystemExit as exc:
        raise AssertionError(f"policybot {' '.join(argv)} does not parse (exit {exc.code})") from None


def handler_of(argv: list[str]) -> str:
    args = parse_policybot(argv)
    handler = args.handler  # type: ignore[attr-defined]
    return f"{handler.__module__}.{handler.__name__}"


def environment_of(service: dict) -> dict[str, str]:
    env = service.get("environment") or {}
    if isinstance(env, list):
        return dict(item.split("=", 1) for item in env)
    return {str(k): str(v) for k, v in env.items()}


def interpolate(text: str, values: dict[str, str]) -> str:
    """Compose's ${NAME}, ${NAME:-default}, ${NAME:?message} with the given values."""

    def one(match: re.Match[str]) -> str:
        name, rest = match.group("name"), match.group("rest")
        if name in values:
            return values[name]
        if rest.startswith(":-"):
            return rest[2:]
        raise AssertionError(f"${{{name}}} has no value and no default")

    return INTERPOLATION.sub(one, text)


def env_example_entries() -> list[tuple[int, str, str, bool]]:
    """(line number, name, value, active) for every `NAME=value` and `# NAME=value` line."""
    entries = []
    for number, line in enumerate(ENV_EXAMPLE):
        match = ENV_LINE.match(line)
        if match:
            entries.append((number, match.group("name"), match.group("value"), not match.group("commented")))
    return entries


def example_values() -> dict[str, str]:
    return {name: value for _, name, value, _ in env_example_entries()}


def settings_from(env_file: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    for name in list(os.environ):
        if name.startswith("POLICYBOT_"):
            monkeypatch.delenv(name)
    return Settings(_env_file=env_file)  # type: ignore[call-arg]


def runbook_commands() -> Iterator[list[str]]:
    """Every simple command in the runbook's bash blocks and inline code, as tokens (pipes, redirections and
    leading VAR=value assignments taken apart the way a shell does)."""
    blocks = re.findall(r"```bash\n(.*?)```", RUNBOOK, flags=re.S)
    inline = [span for span in re.findall(r"`([^`\n]+)`", RUNBOOK) if re.match(r"(policybot|docker compose) ", span)]
    for block in blocks + inline:
        for line in block.splitlines():
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
            lexer.whitespace_split = True
            segment: list[str] = []
            skip_next = False
            for token in lexer:
                if skip_next:
                    skip_next = False
                    continue
                if token in {"|", "||", "&&", ";", "&"}:
                    yield segment
                    segment = []
                elif token in {">", "<", ">>"}:
                    skip_next = True
                else:
                    segment.append(token)
            yield segment


def without_assignments(tokens: list[str]) -> list[str]:
    while tokens and re.match(r"^[A-Z_]+=", tokens[0]):
        tokens = tokens[1:]
    return tokens


COMPOSE_OPTIONS_WITH_VALUE = {"--profile", "--scale", "--tail", "-f", "--file"}


def compose_invocation(tokens: list[str]) -> tuple[str, list[str], list[str]] | None:
    """`docker compose [--profile P] VERB [options] ARGS` → (verb, services, command after the service)."""
    if tokens[:2] != ["docker", "compose"]:
        return None
    rest = tokens[2:]
    while rest and rest[0] in COMPOSE_OPTIONS_WITH_VALUE:
        rest = rest[2:]
    verb, rest = rest[0], rest[1:]
    positional: list[str] = []
    index = 0
    while index < len(rest):
        token = rest[index]
        if token in COMPOSE_OPTIONS_WITH_VALUE:
            index += 2
            continue
        if token.startswith("-") and not positional:
            index += 1
            continue
        positional.append(token)
        index += 1
    if verb in {"exec", "run"}:
        return verb, positional[:1], positional[1:]
    if verb == "cp":
        return verb, [p.split(":", 1)[0] for p in positional if ":" in p], []
    return verb, positional, []


# -- compose.yaml -----------------------------------------------------------------------------


def test_compose_runs_web_replicas_telegram_chroma_postgres_ingest_and_a_proxy() -> None:
    assert {"web", "telegram", "chroma", "postgres", "ingest", "proxy"} <= set(SERVICES)
    assert SERVICES["web"]["deploy"]["replicas"] >= 2
    assert "ports" not in SERVICES["web"], "replicas cannot share a host port; the proxy publishes"
    assert SERVICES["telegram"]["deploy"]["replicas"] == 1, "one long-polling consumer per token"
    assert SERVICES["ingest"]["restart"] == "no"
    for name in ("web", "telegram"):
        assert SERVICES[name]["depends_on"]["ingest"]["condition"] == "service_completed_successfully"


@pytest.mark.parametrize(
    "service,handler",
    [
        ("web", "bot.web.serve_cli.run"),
        ("telegram", "bot.telegram.cli.run"),
        ("ingest", "bot.ingest_cli.run"),
    ],
)
def test_every_policybot_command_in_compose_is_a_real_subcommand(service: str, handler: str) -> None:
    command = SERVICES[service]["command"]
    assert command[0] == "policybot"
    assert handler_of(command[1:]) == handler


def test_the_web_command_listens_where_the_healthcheck_and_the_proxy_look() -> None:
    web = SERVICES["web"]
    args = parse_policybot(web["command"][1:])
    assert args.host == "0.0.0.0"  # type: ignore[attr-defined]
    assert str(args.port) in web["expose"]  # type: ignore[attr-defined]
    probe = " ".join(web["healthcheck"]["test"])
    assert f"http://127.0.0.1:{args.port}/readyz" in probe  # type: ignore[attr-defined]
    assert "/readyz" in {route.path for route in router.routes}  # type: ignore[attr-defined]
    nginx = (DEPLOY / "nginx.conf").read_text(encoding="utf-8")
    upstream = re.search(r"server\s+(\w+):(\d+)\s+resolve;", nginx)
    assert upstream and upstream.group(1) == "web" and int(upstream.group(2)) == args.port  # type: ignore[attr-defined]
    proxy = SERVICES["proxy"]
    assert any(volume.startswith("./nginx.conf:") for volume in proxy["volumes"])


def test_the_web_replicas_trust_forwarded_addresses_only_from_the_proxy() -> None:
    """Issue 14, H1: uvicorn trusts X-Forwarded-For from exactly the proxy's fixed address, inside the
    compose subnet, and nginx passes on only the address it saw."""
    import ipaddress

    trusted = SERVICES["web"]["environment"]["FORWARDED_ALLOW_IPS"]
    proxy_address = SERVICES["proxy"]["networks"]["default"]["ipv4_address"]
    assert trusted == proxy_address != "*"
    subnet = ipaddress.ip_network(COMPOSE["networks"]["default"]["ipam"]["config"][0]["subnet"])
    assert ipaddress.ip_address(proxy_address) in subnet
    nginx = (DEPLOY / "nginx.conf").read_text(encoding="utf-8")
    assert "proxy_set_header X-Forwarded-For $remote_addr;" in nginx
    assert "$proxy_add_x_forwarded_for" not in nginx


def test_nginx_drops_idle_upstream_connections_before_the_replicas_do() -> None:
    """Otherwise nginx may send a POST on a connection uvicorn is closing: a 502 it cannot retry."""
    from bot.web.serve_cli import KEEP_ALIVE_SECONDS

    nginx = (DEPLOY / "nginx.conf").read_text(encoding="utf-8")
    upstream = re.search(r"upstream policybot_web \{(.*?)\}", nginx, re.S)
    assert upstream, "the upstream block"
    timeout = re.search(r"keepalive_timeout\s+(\d+)s;", upstream.group(1))
    assert timeout and int(timeout.group(1)) < KEEP_ALIVE_SECONDS


def test_the_chroma_service_runs_chroma_run_with_options_it_accepts() -> None:
    command = SERVICES["chroma"]["command"]
    assert command[:2] == ["chroma", "run"]
    chroma = Path(sys.executable).with_name("chroma")
    help_text = subprocess.run(
        [str(chroma), "run", "--help"], capture_output=True, text=True, timeout=30, check=False
    ).stdout
    options = [token for token in command[2:] if token.startswith("--")]
    assert options == ["--path", "--host", "--port"]
    for option in options:
        assert f"{option} <" in help_text, option
    port = command[command.index("--port") + 1]
    path = command[command.index("--path") + 1]
    assert any(volume.endswith(f":{path}") for volume in SERVICES["chroma"]["volumes"])
    assert f"http://127.0.0.1:{port}/api/v2/heartbeat" in " ".join(SERVICES["chroma"]["healthcheck"]["test"])
    assert environment_of(SERVICES["chroma"])["ANONYMIZED_TELEMETRY"] == "False"


def test_service_urls_name_services_that_exist_with_the_right_ports_and_credentials() -> None:
    env = environment_of(SERVICES["web"])
    chroma = urlparse(env["POLICYBOT_CHROMA_URL"])
    chroma_command = SERVICES["chroma"]["command"]
    assert chroma.hostname == "chroma" and str(chroma.port) == chroma_command[chroma_command.index("--port") + 1]
    database = make_url(interpolate(env["POLICYBOT_DATABASE_URL"], {"POSTGRES_PASSWORD": "secret"}))
    postgres = environment_of(SERVICES["postgres"])
    assert database.drivername == "postgresql+psycopg"
    assert database.host == "postgres" and database.port == 5432
    assert database.username == postgres["POSTGRES_USER"] and database.database == postgres["POSTGRES_DB"]
    assert database.password == "secret" and "POSTGRES_PASSWORD" in postgres["POSTGRES_PASSWORD"]


def test_every_policybot_variable_in_compose_is_a_setting_and_validates(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = set()
    for name, service in SERVICES.items():
        for key, value in environment_of(service).items():
            if key.startswith("POLICYBOT_"):
                assert key in SETTING_NAMES, f"{name}: {key} is not a Settings field"
                seen.add(key)
                given = {"POSTGRES_PASSWORD": "secret", "POLICYBOT_SESSION_KEY_SECRET": "k" * 64}
                monkeypatch.setenv(key, interpolate(value, given))
    assert seen >= {"POLICYBOT_DATA_DIR", "POLICYBOT_CHROMA_URL", "POLICYBOT_DATABASE_URL"}
    assert "POLICYBOT_SESSION_KEY_SECRET" in seen, "every replica gets the one deploy secret"
    settings = Settings()
    assert settings.session_key_secret is not None and settings.session_key_secret.get_secret_value() == "k" * 64
    assert settings.chroma_url == "http://chroma:8000"
    assert str(settings.data_dir) == "/data"


def test_compose_interpolates_only_names_the_env_example_documents() -> None:
    documented = set(example_values())
    for match in INTERPOLATION.finditer(COMPOSE_TEXT):
        assert match.group("name") in documented, match.group(0)
    for name in documented - set(SETTING_NAMES):
        assert f"${{{name}" in COMPOSE_TEXT, f"{name} in .env.example is neither a setting nor used by compose"


def test_services_running_the_image_build_it_rather_than_pull_it() -> None:
    for name, service in SERVICES.items():
        if service.get("image") == "policybot:latest":
            assert service["build"]["dockerfile"] == "deploy/Dockerfile", name
            assert (DEPLOY / service["build"]["context"] / service["build"]["dockerfile"]).is_file()
            assert service["pull_policy"] == "build", name


def test_every_named_volume_is_declared() -> None:
    for name, service in SERVICES.items():
        for volume in service.get("volumes", []):
            source = volume.split(":", 1)[0]
            if not source.startswith("."):
                assert source in COMPOSE["volumes"], (name, source)


# -- .env.example -----------------------------------------------------------------------------


def test_env_example_names_every_setting_exactly_once() -> None:
    names = [name for _, name, _, _ in env_example_entries() if name.startswith("POLICYBOT_")]
    assert sorted(names) == sorted(SETTING_NAMES), set(names) ^ set(SETTING_NAMES)
    assert len(names) == len(set(names))


def test_every_env_example_entry_has_a_comment_above_it() -> None:
    entries = {number for number, *_ in env_example_entries()}
    for number, name, _, _ in env_example_entries():
        above = number - 1
        while above in entries:  # settings that share one comment (host and port)
            above -= 1
        assert above >= 0 and ENV_EXAMPLE[above].startswith("# "), f"{name} has no comment"


def test_active_env_example_values_are_the_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    active = [(name, value) for _, name, value, is_active in env_example_entries() if is_active]
    env_file = tmp_path / ".env"
    env_file.write_text("\n".join(f"{n}={v}" for n, v in active if n.startswith("POLICYBOT_")), encoding="utf-8")
    settings = settings_from(env_file, monkeypatch)
    defaults = Settings.model_construct()
    for name, _ in active:
        if name in SETTING_NAMES:
            field = SETTING_NAMES[name]
            assert getattr(settings, field) == getattr(defaults, field), name


def test_every_example_value_validates_when_uncommented(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text(
        "\n".join(f"{n}={v}" for n, v in example_values().items() if n.startswith("POLICYBOT_")), encoding="utf-8"
    )
    settings = settings_from(env_file, monkeypatch)
    assert settings.web_sites == {"gov-cc": ["https://www.example.gov.cn"]}
    assert isinstance(settings.telegram_token, SecretStr)
    assert settings.embedding_model == "/opt/policybot/model"
    assert make_url(settings.resolved_database_url()).drivername == "postgresql+psycopg"


# -- Dockerfile -------------------------------------------------------------------------------


def instructions(kind: str) -> list[dockerfile.Command]:
    return [command for command in DOCKERFILE if command.cmd == kind]


def build_args() -> dict[str, str]:
    return dict(command.value[0].split("=", 1) for command in instructions("ARG"))


def test_the_image_is_python_3_11_slim_with_cpu_torch_at_the_project_pin() -> None:
    assert [c.value[0] for c in instructions("FROM")] == ["python:3.11-slim"]
    pin = next(d for d in PYPROJECT["project"]["dependencies"] if d.startswith("torch=="))
    assert build_args()["TORCH_VERSION"] == pin.removeprefix("torch==")
    constraints = (REPO / "constraints.txt").read_text(encoding="utf-8").splitlines()
    assert pin in constraints, "the CPU wheel (2.13.0+cpu) satisfies the same pin in constraints.txt"
    runs = [c.value[0] for c in instructions("RUN")]
    assert 'pip install "torch==${TORCH_VERSION}" --index-url https://download.pytorch.org/whl/cpu' in runs


def test_every_copy_source_exists_and_is_in_the_build_context() -> None:
    args = build_args()
    allowed = [
        line[1:].rstrip("/")
        for line in (DEPLOY / "Dockerfile.dockerignore").read_text(encoding="utf-8").splitlines()
        if line.startswith("!")
    ]
    copied = []
    for command in instructions("COPY"):
        for written in command.value[:-1]:
            source = re.sub(r"\$\{(\w+)\}", lambda m: args[m.group(1)], written)
            assert (REPO / source).exists(), source
            assert any(source == a or source.startswith(a + "/") for a in allowed), f"{source} is dockerignored"
            copied.append(source)
    for package in PYPROJECT["tool"]["setuptools"]["packages"]["find"]["include"]:
        assert package.rstrip("*") in copied


def test_the_model_build_arg_defaults_to_no_model_and_compose_passes_the_same_default() -> None:
    default = build_args()["EMBEDDING_MODEL_DIR"]
    assert not (REPO / default / "modules.json").exists()
    assert (REPO / default / "README.md").is_file()
    arg = SERVICES["web"]["build"]["args"]["EMBEDDING_MODEL_DIR"]
    assert interpolate(arg, {}) == default


def test_the_default_command_is_the_web_app_and_env_names_are_settings() -> None:
    (cmd,) = instructions("CMD")
    assert cmd.json and cmd.value[0] == "policybot"
    assert handler_of(list(cmd.value[1:])) == "bot.web.serve_cli.run"
    for env in instructions("ENV"):
        names = env.value[0::2]
        for name in names:
            assert not name.startswith("POLICYBOT_") or name in SETTING_NAMES, name
    assert instructions("USER")[-1].value == ("policybot",)


def python_checks() -> list[str]:
    """The `python -c` programs the Dockerfile's RUN steps execute."""
    found = []
    for command in instructions("RUN"):
        tokens = shlex.split(command.value[0])
        found += [tokens[i + 2] for i, t in enumerate(tokens[:-2]) if t == "python" and tokens[i + 1] == "-c"]
    return found


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    return subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, env=env, timeout=120, check=False
    )


def test_the_dockerfile_installs_exactly_the_project_dependencies_at_the_pinned_versions() -> None:
    (extract,) = [code for code in python_checks() if "tomllib" in code]
    done = run_python(extract)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == PYPROJECT["project"]["dependencies"]
    installs = [c.value[0] for c in instructions("RUN") if "pip install -" in c.value[0] and "torch" not in c.value[0]]
    assert len(installs) == 2 and all("-c constraints.txt" in run for run in installs), "versions pinned"


def test_the_image_compiles_every_package_of_the_project_to_bytecode_at_build() -> None:
    """PYTHONDONTWRITEBYTECODE keeps a running process from writing bytecode; compiled at build, no process
    compiles the project's source at its start."""
    assert any(env.value[0::2].count("PYTHONDONTWRITEBYTECODE") for env in instructions("ENV"))
    (compiling,) = [c.value[0] for c in instructions("RUN") if "compileall" in c.value[0]]
    compiled = shlex.split(compiling.split("python -m compileall", 1)[1].split("&&", 1)[0])
    for package in PYPROJECT["tool"]["setuptools"]["packages"]["find"]["include"]:
        assert package.rstrip("*") in compiled, package


def test_the_dockerfiles_smoke_checks_pass_on_this_code() -> None:
    checks = [code for code in python_checks() if "knowledge" in code or "eligibility" in code]
    assert len(checks) == 2
    for code in checks:
        done = run_python(code)
        assert done.returncode == 0, done.stderr
        assert re.match(r"\d+ (clauses parse|benefits load)", done.stdout)


@pytest.mark.model
def test_the_dockerfiles_model_check_loads_a_real_model_directory() -> None:
    (check,) = [code for code in python_checks() if "SentenceTransformer" in code]
    done = run_python(check.replace("/opt/policybot/model", str(shipped_model_dir())))
    assert done.returncode == 0, done.stderr


# -- RUNBOOK.md -------------------------------------------------------------------------------


def test_the_runbook_covers_every_task_of_the_issue() -> None:
    headings = re.findall(r"^## (.+)$", RUNBOOK, flags=re.M)
    for topic in (
        "First start",
        "Re-ingest after a document changes",
        "Add a staff account",
        "Rotate the Telegram token",
        "Back up and restore",
        "Roll back a rule change",
        "Read /readyz",
    ):
        assert topic in headings, topic
    for store in ("PostgreSQL", "SQLite", "Chroma"):
        assert f"**{store}**" in RUNBOOK


def test_every_policybot_command_in_the_runbook_parses() -> None:
    subcommands = set()
    for command in runbook_commands():
        tokens = without_assignments(command)
        invocation = compose_invocation(tokens)
        argv = invocation[2] if invocation else tokens
        if argv and Path(argv[0]).name == "policybot":
            parse_policybot(argv[1:])
            subcommands.add(argv[1])
    assert {"ingest", "tune", "staff"} <= subcommands


def test_every_compose_service_and_volume_in_the_runbook_exists() -> None:
    verbs = set()
    for tokens in runbook_commands():
        invocation = compose_invocation(without_assignments(tokens))
        if invocation is None:
            continue
        verb, services, _ = invocation
        verbs.add(verb)
        for service in services:
            assert service in SERVICES, f"docker compose {verb} {service}"
    assert {"up", "exec", "run", "logs", "ps", "stop", "start"} <= verbs
    for volume in re.findall(rf"\b{COMPOSE['name']}_([a-z][a-z-]*)", RUNBOOK):
        assert volume in COMPOSE["volumes"], volume


def test_settings_and_messages_quoted_in_the_runbook_are_real() -> None:
    for name in re.findall(r"\bPOLICYBOT_[A-Z_]+", RUNBOOK):
        assert name in SETTING_NAMES, name
    sources = "".join(p.read_text(encoding="utf-8") for d in ("bot", "knowledge") for p in (REPO / d).rglob("*.py"))
    quoted = [q for q in re.findall(r"`([^`\n]+)`", RUNBOOK) if re.search(r"[\u4e00-\u9fff]", q)]
    assert quoted
    for message in quoted:
        assert message in sources, message


def test_the_runbooks_sqlite_backup_line_copies_a_live_wal_database(tmp_path: Path) -> None:
    (line,) = [line for line in RUNBOOK.splitlines() if line.startswith(".venv/bin/python -c")]
    code = shlex.split(line)[2]
    (tmp_path / "data").mkdir()
    live = sqlite3.connect(tmp_path / "data" / "policybot.sqlite3")
    live.execute("PRAGMA journal_mode=WAL")
    live.execute("CREATE TABLE dialogue_sessions (key TEXT PRIMARY KEY, state TEXT)")
    live.execute("INSERT INTO dialogue_sessions VALUES ('web:abc', '{}')")
    live.commit()  # still open: the backup runs while the server holds the database
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=60, check=False
    )
    live.close()
    assert done.returncode == 0, done.stderr
    copy = sqlite3.connect(tmp_path / "policybot-backup.sqlite3")
    assert copy.execute("SELECT key FROM dialogue_sessions").fetchall() == [("web:abc",)]
    copy.close()
