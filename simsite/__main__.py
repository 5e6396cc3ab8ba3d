"""Serve the simulated site by hand: ``python -m simsite --port 8080 --seed 1 --size 400``."""

from __future__ import annotations

import time

import click

from simsite import SimSite, serve


@click.command()
@click.option("--port", default=0, show_default=True, help="TCP port on 127.0.0.1 (0: any free port).")
@click.option("--seed", default="0", show_default=True, help="Seed of the generated site.")
@click.option("--size", default=400, show_default=True, help="About how many pages the site has.")
@click.option("--fault", type=click.Choice(["5xx", "slow", "garbage", "loop"]), default=None,
              help="Serve every request badly, to watch a crawler cope.")
def main(port: int, seed: str, size: int, fault: str | None) -> None:
    site = SimSite(seed=seed, size=size)
    click.echo(f"building attachments for {len(site.expected_reports())} reports …", err=True)
    site.prerender()
    server = serve(site, port=port, fault=fault, delay=5.0 if fault == "slow" else 0.0)
    click.echo(f"{server.base_url}/index.html  ({site.page_count()} pages; Ctrl-C to stop)")
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        server.close()


if __name__ == "__main__":
    main()
