"""``python -m sitroom`` runs the command line."""

from .cli import app

app(prog_name="sitroom")
