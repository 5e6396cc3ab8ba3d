"""The shared crawl queue on a real Redis: leases, reclaiming a dead worker's job, results, loss."""

from __future__ import annotations

import time

from monitor.crawling.queue import CrawlQueue, JobState


def test_each_job_is_taken_once_in_order(redis_server):
    queue = CrawlQueue(redis_server.url)
    ids = queue.enqueue([{"site": "a"}, {"site": "b"}])
    first, second = queue.take("w1", 30), queue.take("w2", 30)
    assert (first.id, first.payload, second.id) == (ids[0], {"site": "a"}, ids[1])
    assert queue.take("w3", 30) is None
    assert {s.state for s in queue.status(ids).values()} == {JobState.TAKEN}


def test_a_job_whose_lease_runs_out_goes_back_and_its_first_worker_cannot_report_it(redis_server):
    queue = CrawlQueue(redis_server.url)
    [job_id] = queue.enqueue([{"site": "a"}])
    job = queue.take("dead", 0.2)
    assert queue.reclaim_expired() == []          # its lease still runs
    time.sleep(0.3)
    assert queue.reclaim_expired() == [job_id]
    assert queue.renew(job, "dead", 30) is False
    again = queue.take("alive", 30)
    assert again.id == job_id and queue.status([job_id])[job_id].attempts == 2
    assert queue.finish(job, "dead", {"late": True}) is False
    assert queue.finish(again, "alive", {"pages": 3}) is True
    status = queue.status([job_id])[job_id]
    assert (status.state, status.result, status.worker) == (JobState.DONE, {"pages": 3}, "alive")


def test_a_renewed_lease_is_not_reclaimed(redis_server):
    queue = CrawlQueue(redis_server.url)
    [job_id] = queue.enqueue([{"site": "a"}])
    job = queue.take("w", 0.3)
    for _ in range(3):
        time.sleep(0.15)
        assert queue.renew(job, "w", 0.3)
        assert queue.reclaim_expired() == []
    assert queue.status([job_id])[job_id].state is JobState.TAKEN


def test_a_job_given_back_is_taken_next(redis_server):
    queue = CrawlQueue(redis_server.url)
    first, second = queue.enqueue([{"n": 1}, {"n": 2}])
    job = queue.take("w", 30)
    assert queue.give_back(job, "w")
    assert queue.take("w2", 30).id == first


def test_jobs_redis_lost_are_lost_not_waiting(redis_server):
    queue = CrawlQueue(redis_server.url)
    ids = queue.enqueue([{"site": "a"}])
    redis_server.restart()
    assert queue.status(ids)[ids[0]].state is JobState.LOST
    assert queue.take("w", 30) is None


def test_a_forgotten_job_is_skipped_and_its_worker_loses_it(redis_server):
    queue = CrawlQueue(redis_server.url)
    forgotten, kept = queue.enqueue([{"n": 1}, {"n": 2}])
    queue.forget([forgotten])
    job = queue.take("w", 30)
    assert job.id == kept
    queue.forget([kept])
    assert queue.renew(job, "w", 30) is False
