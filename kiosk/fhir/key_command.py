"""`fhir-key`: the kiosk's own key for SMART Backend Services, and the key set IT registers.

`kiosk fhir-key --new` makes an EC P-384 key (ES384; `--rsa` for a 3072-bit RSA key, RS384) in
the config folder, readable by the kiosk's user only (named by `fhir.private_key_file`, else
`fhir-key.pem`). `kiosk fhir-key` prints the public JSON Web
Key Set of the key in place, for the clinic's authorization server to register under the
kiosk's client id. The key set goes to standard output (so `> kiosk.jwks.json` keeps just it);
what was done, and what to do next, to standard error. A key is never replaced by accident:
a new one must be registered again, and `--replace` says so.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TextIO

from kiosk.content.settings import FhirSettings
from kiosk.fhir.client_key import Algorithm, key_set, load_client_key, new_client_key

#: The key file's name when the settings give none.
DEFAULT_KEY_FILE = "fhir-key.pem"


def fhir_key(fhir: FhirSettings, settings_path: Path, config: Path, out: TextIO,
             report: TextIO, new: bool = False, algorithm: Algorithm = "ES384",
             replace: bool = False) -> int:
    """Make or show the kiosk's key; 0 when the key set was printed."""
    name = fhir.private_key_file or DEFAULT_KEY_FILE
    path = config / name
    if new:
        if path.exists() and not replace:
            print(f"{path} exists already; `kiosk fhir-key` shows its key set. --replace makes"
                  " a new key, which the clinic must then register in place of the old one",
                  file=report)
            return 1
        config.mkdir(parents=True, exist_ok=True, mode=0o700)
        key = new_client_key(path, algorithm)
        print(f"wrote {path}: a new {key.algorithm} key (mode 600)", file=report)
    else:
        loaded = load_client_key(path)
        if isinstance(loaded, str):
            print(f"no key to show: {loaded}. Make one with: kiosk fhir-key --new",
                  file=report)
            return 1
        key = loaded
    print(json.dumps(key_set(key), indent=2), file=out)
    print(f"Register this key set (kid {key.kid}) at the clinic's authorization server; the"
          " private key never leaves this machine.", file=report)
    if fhir.client_id is None or fhir.private_key_file is None:
        print(f"Then, in {settings_path} under fhir:, set client_id to the id the clinic"
              f" registers this kiosk under, and private_key_file: {name}", file=report)
    return 0
