"""`kiosk fhir-key` makes the kiosk's key for SMART Backend Services and prints the key set the
clinic registers; with that key set registered, the kiosk gets its token from the server."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.fhir.smart_backend import SmartBackend
from kiosk.paths import config_folder
from tests.fhir_engine.engine import register_client


def test_a_new_key_is_private_and_its_key_set_registers(
        data_dir: Path, settings_copy: Path, fresh_fhir_engine: str,
        capsys: pytest.CaptureFixture[str]) -> None:
    args = ["fhir-key", "--data", str(data_dir), "--settings", str(settings_copy)]
    assert main(args) == 1
    assert "no key to show" in capsys.readouterr().err
    assert main([*args, "--new"]) == 0
    made = capsys.readouterr()
    key_file = config_folder(data_dir) / "fhir-key.pem"
    assert key_file.stat().st_mode & 0o777 == 0o600
    assert made.err.splitlines()[-1] == (
        f"Then, in {settings_copy} under fhir:, set client_id to the id the clinic registers"
        " this kiosk under, and private_key_file: fhir-key.pem")
    jwks = json.loads(made.out)
    [jwk] = jwks["keys"]
    assert (jwk["kty"], jwk["crv"], jwk["alg"]) == ("EC", "P-384", "ES384")
    assert "d" not in jwk, "the private part never leaves the machine"
    assert main(args) == 0
    assert json.loads(capsys.readouterr().out) == jwks, "shown again, the same key set"
    register_client(fresh_fhir_engine, "riverside-lobby-4", jwks)
    backend = SmartBackend(fresh_fhir_engine, "riverside-lobby-4", key_file, "system/Patient.crs")
    assert isinstance(backend.bearer(), str)


def test_a_key_is_replaced_only_when_asked(data_dir: Path, settings_copy: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    args = ["fhir-key", "--data", str(data_dir), "--settings", str(settings_copy), "--new"]
    assert main(args) == 0
    first = json.loads(capsys.readouterr().out)["keys"][0]["kid"]
    assert main(args) == 1
    assert "--replace makes a new key" in capsys.readouterr().err
    assert main([*args, "--rsa", "--replace"]) == 0
    [jwk] = json.loads(capsys.readouterr().out)["keys"]
    assert jwk["kty"] == "RSA" and jwk["alg"] == "RS384" and jwk["kid"] != first
