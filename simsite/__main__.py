"""Serve a simulated site by hand: ``python -m simsite --family trs --port 8080 --seed 1``."""

from __future__ import annotations

import time

import click

from simsite import serve
from simsite.server import FAULTS
from simsite.families import FAMILIES, make_site


@click.command()
@click.option("--family", type=click.Choice(sorted(FAMILIES)), default="classic", show_default=True,
              help="Which CMS family the city site is built like.")
@click.option("--port", default=0, show_default=True, help="TCP port of the portal on 127.0.0.1 (0: any free port).")
@click.option("--seed", default="0", show_default=True, help="Seed of the generated site.")
@click.option("--size", default=None, type=int, help="About how many pages the site has (default: the family's).")
@click.option("--fault", type=click.Choice(FAULTS), default=None,
              help="Serve every request badly, to watch a crawler cope.")
def main(family: str, port: int, seed: str, size: int | None, fault: str | None) -> None:
    site = make_site(family, seed=seed, size=size)
    click.echo(f"building attachments for {len(site.expected_reports())} reports …", err=True)
    site.prerender()
    server = serve(site, port=port, fault=fault, delay=5.0 if fault == "slow" else 0.0)
    click.echo(f"{server.base_url}/  ({family}: {site.page_count()} pages; Ctrl-C to stop)")
    for host, url in server.urls.items():
        if url != server.base_url:
            click.echo(f"  also {host}: {url}/")
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        server.close()


if __name__ == "__main__":
    main()
