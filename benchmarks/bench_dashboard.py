"""How long the dashboard takes to open on the scale-1 synthetic database.

Run: ``python benchmarks/bench_dashboard.py`` (offscreen Qt; builds the scale-1 database once).

"Open" is what the user waits for when choosing Dashboard: building the page (six tabs, the
map's 208 shapes) and computing the Coverage tab shown first. The other tabs are computed when
first shown, and each is timed too. The floor is the raw coverage SQL: the two grouped queries
the matrix needs, run directly on the connection, with no Python objects or widgets.
Target: opening p95 under 500 ms.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import percentile, scale_database, summary, time_calls

TARGET_MS = 500.0

FLOOR_SQL = (
    """
SELECT region, COUNT(*) FROM library_service WHERE is_member GROUP BY region
""",
    """
SELECT a, region, COUNT(*) FROM (
  SELECT DISTINCT g.offer_area_id AS a, p.service_id AS s FROM participation p
    JOIN programme g ON g.id = p.programme_id
    JOIN library_service l ON l.id = p.service_id
   WHERE l.is_member AND g.status = 'live' AND p.stage IN ('signed_up', 'active')
  UNION
  SELECT x.offer_area_id, p.service_id FROM participation p
    JOIN programme g ON g.id = p.programme_id
    JOIN programme_offer_area x ON x.programme_id = g.id
    JOIN library_service l ON l.id = p.service_id
   WHERE l.is_member AND g.status = 'live' AND p.stage IN ('signed_up', 'active')
) JOIN library_service ON library_service.id = s GROUP BY a, region
""",
)


def main() -> int:
    from PySide6.QtCore import QSettings
    from sqlalchemy import func, select

    from brokerdesk.core.models import Interaction, Participation, Programme
    from brokerdesk.gui.app import ensure_application
    from brokerdesk.gui.context import AppContext
    from brokerdesk.gui.settings import Settings
    from brokerdesk.gui.views.dashboard import create_dashboard_page

    app = ensure_application()
    db = scale_database(1)
    with db.read() as session:
        counts = [
            session.scalar(select(func.count()).select_from(t))
            for t in (Programme, Participation, Interaction)
        ]
    print(f"scale-1: {counts[0]} programmes, {counts[1]} participations, {counts[2]} interactions")
    settings_file = Path(__file__).resolve().parent / ".cache" / "bench-settings.ini"
    ctx = AppContext(db, Settings(QSettings(str(settings_file), QSettings.Format.IniFormat)))

    def floor() -> None:
        with db.engine.connect() as conn:
            for sql in FLOOR_SQL:
                conn.exec_driver_sql(sql).fetchall()

    pages = []

    def open_dashboard() -> None:
        page = create_dashboard_page(ctx, None)
        page.resize(1280, 800)
        page.refresh_current()  # what showing it computes: the Coverage tab
        app.processEvents()
        pages.append(page)

    floor_times = time_calls(floor, repeat=20)
    open_times = time_calls(open_dashboard, repeat=10, warmup=1)
    print(summary("floor: raw coverage SQL", floor_times))
    print(summary("open dashboard (coverage)", open_times))
    page = pages[-1]

    def until_shown() -> None:
        # Health and Suggestions compute in a worker thread; time until their rows are shown.
        page.refresh_current()
        while page.health.loading or page.suggestions.loading:
            app.processEvents()

    for index in range(1, page.tabs.count()):
        page.tabs.setCurrentIndex(index)
        name = page.tabs.tabText(index).replace("&&", "and").replace("&", "")
        print(summary(f"  first show: {name}", time_calls(until_shown, repeat=5)))
    p95 = percentile(open_times, 95) * 1000
    ratio = percentile(open_times, 50) / percentile(floor_times, 50)
    verdict = "OK" if p95 < TARGET_MS else "TOO SLOW"
    print(
        f"open p95 {p95:.0f} ms (target {TARGET_MS:.0f} ms): {verdict}; p50 {ratio:.1f}× the floor"
    )
    for p in pages:
        p.deleteLater()
    db.dispose()
    return 0 if p95 < TARGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
