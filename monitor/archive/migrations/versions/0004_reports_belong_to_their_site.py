"""reports belong to their site: keyed by (site, agency, year), URLs per site, reposts linked

Before 0004 a report was unique by (agency, year) across all sites, and a URL belonged to the first report
that fetched it. So a page on another host whose title named a site's agency and year became a version of
that site's report (with `figures_changed` against it, a `moved` to the other host, alerts to its
recipients). From 0004:

- report: unique (site_id, agency_id, year) instead of (agency_id, year); ``same_as_id`` links a report to
  the report of another site, archived earlier, whose document it reposts (same content digest).
- report_url: ``site_id`` (its report's site); unique (site_id, url) instead of (url); url indexed.
- version: content_digest indexed (reposts are found by it).

Upgrading an archive whose reports already mixed sites splits them; nothing is merged and no raw document is
touched. The site of a version is the site of the crawl run that captured it, the sites of a URL those of the
runs that fetched it (a report's own site when no run says otherwise). For each report R and each other
site S found in its versions or fetches:

- a new report of S with R's agency and year takes the URLs only S fetched (a URL both fetched is copied,
  validators and all), the versions S captured, and S's fetches, findings, events and alerts with them;
  a version of R that S's fetches only matched (fetched unchanged) is copied into the new report with its
  findings, so every fetch keeps the version it saw;
- changes that compared versions now in two reports (the false `figures_changed`, `text_changed`,
  `attachment_replaced`) are deleted, as is a `moved` between URLs first fetched by two sites; the first
  version of each report left without a change gets its `new_report`; alerts that pointed at a deleted
  change keep their report and payload (the mail that was sent) with no change;
- versions are renumbered 1, 2, … in each report by first seen; the denormalised columns (latest version
  and URL, counts, title, first seen, last fetched) are recomputed; the new report is linked (same_as_id)
  to R when they share a content digest. Crawl-run counters stay as they were counted.

Downgrading to 0003 is lossy where the archive now holds what 0003 cannot: of several reports of one agency
and year (on different sites) the earliest keeps its year and the others lose it (year NULL, as 0003 kept
reports it could not key); of several rows of one URL (on different sites) the earliest stays and the
versions and fetches of the others point at it. Nothing is deleted but those URL rows.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

# The unique constraint of 0001 on report_url.url has no name; on SQLite it is reflected under this one
# (PostgreSQL gave it the same by default).
URL_UNIQUE = "report_url_url_key"
UNNAMED_UNIQUE = {"uq": "%(table_name)s_%(column_0_name)s_key"}


def upgrade() -> None:
    with op.batch_alter_table('report', schema=None) as batch_op:
        batch_op.add_column(sa.Column('same_as_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key('fk_report_same_as_id_report', 'report', ['same_as_id'], ['id'])
        batch_op.drop_constraint('uq_report_agency_year', type_='unique')
        batch_op.create_unique_constraint('uq_report_site_agency_year', ['site_id', 'agency_id', 'year'])
    with op.batch_alter_table('report_url', schema=None, naming_convention=UNNAMED_UNIQUE) as batch_op:
        batch_op.add_column(sa.Column('site_id', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True))
        batch_op.drop_constraint(URL_UNIQUE, type_='unique')
    with op.batch_alter_table('version', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_version_content_digest'), ['content_digest'], unique=False)

    _Split(op.get_bind()).run()

    with op.batch_alter_table('report_url', schema=None) as batch_op:
        batch_op.alter_column('site_id', existing_type=sqlmodel.sql.sqltypes.AutoString(length=100),
                              nullable=False)
        batch_op.create_foreign_key('fk_report_url_site_id_site', 'site', ['site_id'], ['id'])
        batch_op.create_unique_constraint('uq_report_url_site_url', ['site_id', 'url'])
        batch_op.create_index(batch_op.f('ix_report_url_url'), ['url'], unique=False)


def downgrade() -> None:
    bind = op.get_bind()
    _unkey_duplicate_reports(bind)
    _merge_duplicate_urls(bind)
    with op.batch_alter_table('version', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_version_content_digest'))
    with op.batch_alter_table('report_url', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_report_url_url'))
        batch_op.drop_constraint('uq_report_url_site_url', type_='unique')
        batch_op.drop_constraint('fk_report_url_site_id_site', type_='foreignkey')
        batch_op.drop_column('site_id')
        batch_op.create_unique_constraint(URL_UNIQUE, ['url'])
    with op.batch_alter_table('report', schema=None) as batch_op:
        batch_op.drop_constraint('uq_report_site_agency_year', type_='unique')
        batch_op.drop_constraint('fk_report_same_as_id_report', type_='foreignkey')
        batch_op.drop_column('same_as_id')
        batch_op.create_unique_constraint('uq_report_agency_year', ['agency_id', 'year'])


# -- upgrade: split reports that mixed sites --------------------------------------------------------------

class _Split:
    """Moves what other sites contributed to a report into reports of their own (see the module text)."""

    def __init__(self, bind: sa.Connection) -> None:
        self.bind = bind
        meta = sa.MetaData()
        for name in ("report", "report_url", "version", "fetch", "finding", "change", "alert", "crawl_run"):
            setattr(self, name, sa.Table(name, meta, autoload_with=bind))
        self.touched: set[int] = set()

    def run(self) -> None:
        url, report = self.report_url, self.report
        self.bind.execute(url.update().values(site_id=sa.select(report.c.site_id)
                                              .where(report.c.id == url.c.report_id).scalar_subquery()))
        for report_id, site_id in self._foreign_sites():
            self._split(report_id, site_id)
        if self.touched:
            self._drop_cross_report_changes()
            for report_id in sorted(self.touched):
                self._renumber(report_id)
                self._first_version_is_new(report_id)
                self._refresh(report_id)

    def _foreign_sites(self) -> list[tuple[int, str]]:
        """(report, site) for every site other than the report's own that captured or fetched it."""
        r, run = self.report, self.crawl_run
        pairs = set()
        for table, run_column in ((self.version, "captured_run_id"), (self.fetch, "run_id")):
            pairs |= set(self.bind.execute(
                sa.select(table.c.report_id, run.c.site_id).distinct()
                .join(run, run.c.id == table.c[run_column]).join(r, r.c.id == table.c.report_id)
                .where(run.c.site_id != r.c.site_id)).all())
        return sorted(pairs)

    def _runs_of(self, site_id: str) -> sa.ScalarSelect:
        return sa.select(self.crawl_run.c.id).where(self.crawl_run.c.site_id == site_id).scalar_subquery()

    def _split(self, report_id: int, site_id: str) -> None:
        b, r = self.bind, self.report
        old = b.execute(sa.select(r).where(r.c.id == report_id)).one()._mapping
        new_id = b.execute(r.insert().values(
            site_id=site_id, agency_id=old["agency_id"], year=old["year"], status="active", title=old["title"],
            first_seen=old["first_seen"], version_count=0, error_count=0, warning_count=0, missing_runs=0)
            .returning(r.c.id)).scalar_one()
        self.touched |= {report_id, new_id}
        urls = self._move_urls(report_id, new_id, site_id, old["site_id"])
        runs = self._runs_of(site_id)
        v, f = self.version, self.fetch
        captured = b.execute(sa.select(v.c.id, v.c.url_id).where(v.c.report_id == report_id,
                                                                   v.c.captured_run_id.in_(runs))).all()
        for version_id, url_id in captured:
            b.execute(v.update().where(v.c.id == version_id).values(report_id=new_id,
                                                                       url_id=urls.get(url_id, url_id)))
        moved = [version_id for version_id, _ in captured]
        for old_url, new_url in urls.items():
            b.execute(f.update().where(f.c.report_id == report_id, f.c.run_id.in_(runs), f.c.url_id == old_url)
                      .values(url_id=new_url))
        b.execute(f.update().where(f.c.report_id == report_id, f.c.run_id.in_(runs)).values(report_id=new_id))
        self._copy_matched_versions(report_id, new_id)
        b.execute(self.finding.update().where(self.finding.c.version_id.in_(moved)).values(report_id=new_id))
        c = self.change
        b.execute(c.update().where(c.c.report_id == report_id, sa.or_(
            c.c.to_version_id.in_(moved), sa.and_(c.c.to_version_id.is_(None), c.c.run_id.in_(runs))))
            .values(report_id=new_id))
        a = self.alert
        b.execute(a.update().where(a.c.report_id == report_id, sa.or_(
            a.c.change_id.in_(sa.select(c.c.id).where(c.c.report_id == new_id)), a.c.run_id.in_(runs)))
            .values(report_id=new_id))
        if self._share_a_digest(report_id, new_id):
            b.execute(r.update().where(r.c.id == new_id).values(same_as_id=report_id))

    def _move_urls(self, report_id: int, new_id: int, site_id: str, own_site: str) -> dict[int, int]:
        """The report's URLs ``site_id`` fetched, moved (or copied, when others fetched them too) to the new
        report: old row id → new row id."""
        b, u, run = self.bind, self.report_url, self.crawl_run
        mapping = {}
        for row in b.execute(sa.select(u).where(u.c.report_id == report_id)).all():
            sites = set(b.execute(sa.select(run.c.site_id).join(self.fetch, self.fetch.c.run_id == run.c.id)
                                  .where(self.fetch.c.url_id == row.id)).scalars())
            sites |= set(b.execute(sa.select(run.c.site_id).join(self.version, self.version.c.captured_run_id
                                                                 == run.c.id)
                                   .where(self.version.c.url_id == row.id)).scalars())
            sites = sites or {own_site}
            if site_id not in sites:
                continue
            if sites == {site_id}:
                b.execute(u.update().where(u.c.id == row.id).values(report_id=new_id, site_id=site_id))
                mapping[row.id] = row.id
            else:
                values = {k: v for k, v in row._mapping.items() if k != "id"}
                mapping[row.id] = b.execute(u.insert().values({**values, "report_id": new_id, "site_id": site_id})
                                            .returning(u.c.id)).scalar_one()
        return mapping

    def _copy_matched_versions(self, report_id: int, new_id: int) -> None:
        """Fetches now of the new report that saw a version of the old one: a copy of that version, theirs."""
        b, v, f, fi = self.bind, self.version, self.fetch, self.finding
        seen = b.execute(sa.select(f.c.version_id, sa.func.min(f.c.id), sa.func.min(f.c.fetched_at),
                                   sa.func.max(f.c.fetched_at))
                         .join(v, v.c.id == f.c.version_id)
                         .where(f.c.report_id == new_id, v.c.report_id == report_id)
                         .group_by(f.c.version_id)).all()
        for version_id, first_fetch, first_seen, last_seen in seen:
            original = b.execute(sa.select(v).where(v.c.id == version_id)).one()._mapping
            fetch = b.execute(sa.select(f.c.run_id, f.c.url_id).where(f.c.id == first_fetch)).one()
            values = {k: val for k, val in original.items() if k != "id"}
            values.update(report_id=new_id, url_id=fetch.url_id or original["url_id"], captured_run_id=fetch.run_id,
                          first_seen=first_seen, last_seen=last_seen)
            copy_id = b.execute(v.insert().values(values).returning(v.c.id)).scalar_one()
            for finding in b.execute(sa.select(fi).where(fi.c.version_id == version_id)).all():
                row = {k: val for k, val in finding._mapping.items() if k != "id"}
                b.execute(fi.insert().values({**row, "report_id": new_id, "version_id": copy_id}))
            b.execute(f.update().where(f.c.report_id == new_id, f.c.version_id == version_id)
                      .values(version_id=copy_id))

    def _share_a_digest(self, first: int, second: int) -> bool:
        v = self.version
        digests = sa.select(v.c.content_digest).where(v.c.report_id == first)
        return self.bind.execute(sa.select(v.c.id).where(v.c.report_id == second, v.c.content_digest.in_(digests))
                                 .limit(1)).first() is not None

    def _drop_cross_report_changes(self) -> None:
        """Changes between versions that are now in two reports, and moves between URLs that two sites
        first fetched."""
        b, c, v = self.bind, self.change, self.version
        old, new = v.alias("old"), v.alias("new")
        doomed = set(b.execute(sa.select(c.c.id).join(old, old.c.id == c.c.from_version_id)
                               .join(new, new.c.id == c.c.to_version_id)
                               .where(old.c.report_id != new.c.report_id)).scalars())
        u, run = self.report_url, self.crawl_run
        for change_id, detail in b.execute(sa.select(c.c.id, c.c.detail).where(
                c.c.kind == "moved", c.c.report_id.in_(self.touched))).all():
            urls = {*(detail or {}).get("old_urls", []), (detail or {}).get("new_url")}
            homes = set(b.execute(sa.select(run.c.site_id).distinct().join(u, u.c.first_run_id == run.c.id)
                                  .where(u.c.url.in_(urls))).scalars())
            if len(homes) > 1:
                doomed.add(change_id)
        self._delete_changes(doomed)

    def _delete_changes(self, ids: Iterable[int]) -> None:
        ids = list(ids)
        if ids:
            self.bind.execute(self.alert.update().where(self.alert.c.change_id.in_(ids)).values(change_id=None))
            self.bind.execute(self.change.delete().where(self.change.c.id.in_(ids)))

    def _renumber(self, report_id: int) -> None:
        v = self.version
        ids = self.bind.execute(sa.select(v.c.id).where(v.c.report_id == report_id)
                                .order_by(v.c.first_seen, v.c.id)).scalars().all()
        for seq, version_id in enumerate(ids, start=1):
            self.bind.execute(v.update().where(v.c.id == version_id).values(seq=seq))

    def _first_version_is_new(self, report_id: int) -> None:
        b, v, c, u = self.bind, self.version, self.change, self.report_url
        first = b.execute(sa.select(v.c.id, v.c.captured_run_id, v.c.first_seen, v.c.title, u.c.url)
                          .join(u, u.c.id == v.c.url_id).where(v.c.report_id == report_id, v.c.seq == 1)).first()
        if first is None or b.execute(sa.select(c.c.id).where(c.c.to_version_id == first.id)).first():
            return
        b.execute(c.insert().values(report_id=report_id, run_id=first.captured_run_id, kind="new_report",
                                    to_version_id=first.id, detected_at=first.first_seen,
                                    summary=f"新报告：{first.title or first.url}",
                                    detail={"url": first.url,
                                            "migration": "0004: split from a report of another site"}))

    def _refresh(self, report_id: int) -> None:
        """The report's denormalised columns, from its versions, URLs, fetches and findings."""
        b, r, v, f, fi = self.bind, self.report, self.version, self.fetch, self.finding
        versions = b.execute(sa.select(v.c.id, v.c.url_id, v.c.title, v.c.first_seen, v.c.captured_run_id)
                             .where(v.c.report_id == report_id).order_by(v.c.seq)).all()
        values: dict[str, Any] = {"version_count": len(versions)}
        latest = versions[-1] if versions else None
        values["latest_version_id"] = latest.id if latest else None
        values["latest_url_id"] = latest.url_id if latest else None
        if latest is not None:
            values["title"] = latest.title
            values["first_seen"] = min(row.first_seen for row in versions)
            values["first_run_id"] = versions[0].captured_run_id
        values["last_fetched_at"] = b.execute(sa.select(sa.func.max(f.c.fetched_at))
                                              .where(f.c.report_id == report_id)).scalar()
        scope = fi.c.version_id.is_(None)
        if latest is not None:
            scope = sa.or_(scope, fi.c.version_id == latest.id)
        counts = dict(b.execute(sa.select(fi.c.severity, sa.func.count()).where(fi.c.report_id == report_id, scope)
                                .group_by(fi.c.severity)).all())
        values["error_count"], values["warning_count"] = counts.get("error", 0), counts.get("warning", 0)
        b.execute(r.update().where(r.c.id == report_id).values(values))


# -- downgrade: what 0003 cannot hold ---------------------------------------------------------------------

def _unkey_duplicate_reports(bind: sa.Connection) -> None:
    report = sa.table("report", sa.column("id"), sa.column("agency_id"), sa.column("year"))
    keys = bind.execute(sa.select(report.c.agency_id, report.c.year, sa.func.min(report.c.id))
                        .where(report.c.agency_id.is_not(None), report.c.year.is_not(None))
                        .group_by(report.c.agency_id, report.c.year).having(sa.func.count() > 1)).all()
    for agency_id, year, first in keys:
        bind.execute(report.update().where(report.c.agency_id == agency_id, report.c.year == year,
                                           report.c.id != first).values(year=None))


def _merge_duplicate_urls(bind: sa.Connection) -> None:
    url = sa.table("report_url", sa.column("id"), sa.column("url"))
    pointers = [sa.table("version", sa.column("url_id")), sa.table("fetch", sa.column("url_id")),
                sa.table("report", sa.column("latest_url_id"))]
    for text, first in bind.execute(sa.select(url.c.url, sa.func.min(url.c.id)).group_by(url.c.url)
                                    .having(sa.func.count() > 1)).all():
        others = bind.execute(sa.select(url.c.id).where(url.c.url == text, url.c.id != first)).scalars().all()
        for table in pointers:
            column = next(iter(table.c))
            bind.execute(table.update().where(column.in_(others)).values({column.name: first}))
        bind.execute(url.delete().where(url.c.id.in_(others)))
