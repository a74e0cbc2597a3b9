"""A PostgreSQL URL in an install without the driver: which extra to install, exit 3, no traceback."""
from __future__ import annotations

import subprocess
import sys

# Runs the command with the PostgreSQL drivers unimportable, as in an install without the extra.
WITHOUT_DRIVER = ("import sys\n"
                  "for name in ('psycopg', 'psycopg2'):\n"
                  "    sys.modules[name] = None\n"
                  "sys.argv = ['warwire', *sys.argv[1:]]\n"
                  "from warwire.cli import main\n"
                  "main()\n")


def test_postgresql_url_without_the_driver_names_the_extra():
    result = subprocess.run([sys.executable, "-c", WITHOUT_DRIVER, "--db",
                             "postgresql://someone:secret@127.0.0.1:5432/events", "articles"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 3, result.stderr
    message = " ".join(result.stderr.split())
    assert "pip install 'warwire[postgres]'" in message
    assert "secret" not in message  # the password is not shown
    assert "Traceback" not in result.stderr + result.stdout
