"""The shared crawl queue in Redis: site crawls waiting for a worker, leased while one crawls them.

One job is one site's crawl within one ``gxmon crawl --redis`` (or scheduled) crawl. It is a reliable queue:
a worker that takes a job holds a lease on it (a score in a sorted set, in Redis's own clock) and renews it
while it crawls; a worker killed outright stops renewing, and once its lease has run out anybody (another
worker, the waiting coordinator) puts the job back at the head of the queue. Every step is one Lua script,
so two processes can never take one job or reclaim it twice.

Keys (``PREFIX`` then):
- ``queue``: list of job ids waiting (pushed left, taken right: first in, first out; reclaimed ones right);
- ``leases``: sorted set of taken job ids by lease end (milliseconds, Redis ``TIME``);
- ``job:<id>``: hash of one job: ``payload`` (JSON the worker crawls by), ``state`` (waiting, taken, done),
  ``worker``, ``attempts``, ``result`` (JSON the worker reports back).

A job the coordinator asks about and Redis no longer holds was lost (Redis restarted without its data):
``JobState.LOST``, which the coordinator reports as a failed site, never as a finished one.
"""

from __future__ import annotations

import json
import os
import socket
import uuid
from dataclasses import dataclass
from enum import Enum
from typing import Any

import redis

PREFIX = "gxmon:"
DONE_TTL_SECONDS = 7 * 24 * 3600   # a finished job nobody collected is forgotten after a week

_NOW = "local t = redis.call('TIME'); local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)\n"

# KEYS: queue, leases. ARGV: prefix, lease ms, worker. → {id, payload} or nil
_TAKE = _NOW + """
while true do
  local id = redis.call('RPOP', KEYS[1])
  if not id then return nil end
  local job = ARGV[1] .. 'job:' .. id
  if redis.call('HGET', job, 'state') == 'waiting' then
    redis.call('ZADD', KEYS[2], now + tonumber(ARGV[2]), id)
    redis.call('HSET', job, 'state', 'taken', 'worker', ARGV[3])
    redis.call('HINCRBY', job, 'attempts', 1)
    return {id, redis.call('HGET', job, 'payload')}
  end
end
"""

# KEYS: leases. ARGV: prefix, lease ms, worker, id. → 1 renewed, 0 the lease is no longer this worker's
_RENEW = _NOW + """
local job = ARGV[1] .. 'job:' .. ARGV[4]
if redis.call('HGET', job, 'worker') ~= ARGV[3] or redis.call('HGET', job, 'state') ~= 'taken'
   or not redis.call('ZSCORE', KEYS[1], ARGV[4]) then
  return 0
end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[4])
return 1
"""

# KEYS: leases. ARGV: prefix, worker, id, result, ttl s. → 1 recorded, 0 the job is not this worker's
_FINISH = """
local job = ARGV[1] .. 'job:' .. ARGV[3]
if redis.call('HGET', job, 'worker') ~= ARGV[2] or redis.call('HGET', job, 'state') ~= 'taken' then
  return 0
end
redis.call('ZREM', KEYS[1], ARGV[3])
redis.call('HSET', job, 'state', 'done', 'result', ARGV[4])
redis.call('EXPIRE', job, tonumber(ARGV[5]))
return 1
"""

# KEYS: queue, leases. ARGV: prefix, worker ('' for anybody's expired lease), id ('' for all expired).
# → the ids put back at the head of the queue
_RELEASE = _NOW + """
local ids
if ARGV[3] ~= '' then ids = {ARGV[3]} else ids = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now) end
local back = {}
for _, id in ipairs(ids) do
  local job = ARGV[1] .. 'job:' .. id
  if (ARGV[2] == '' or redis.call('HGET', job, 'worker') == ARGV[2]) and redis.call('ZREM', KEYS[2], id) == 1 then
    if redis.call('HGET', job, 'state') == 'taken' then
      redis.call('HSET', job, 'state', 'waiting')
      redis.call('HDEL', job, 'worker')
      redis.call('RPUSH', KEYS[1], id)
      table.insert(back, id)
    end
  end
end
return back
"""


class QueueError(RuntimeError):
    """Redis cannot be reached, or lost what the crawl had put in it."""


class JobState(str, Enum):
    WAITING = "waiting"
    TAKEN = "taken"
    DONE = "done"
    LOST = "lost"       # Redis no longer holds the job (restarted without its data?)


@dataclass(frozen=True)
class Job:
    id: str
    payload: dict[str, Any]


@dataclass(frozen=True)
class JobStatus:
    state: JobState
    attempts: int = 0
    worker: str | None = None
    result: dict[str, Any] | None = None


def worker_name() -> str:
    """``host:pid:random``, unique among the workers of one Redis."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


class CrawlQueue:
    """The queue of one Redis (``redis://host:port/db``)."""

    def __init__(self, url: str, prefix: str = PREFIX) -> None:
        self.url = url
        self.prefix = prefix
        self.redis = redis.Redis.from_url(url, socket_connect_timeout=5, socket_timeout=10)
        self.queue_key, self.leases_key = f"{prefix}queue", f"{prefix}leases"
        self._take = self.redis.register_script(_TAKE)
        self._renew = self.redis.register_script(_RENEW)
        self._finish = self.redis.register_script(_FINISH)
        self._release = self.redis.register_script(_RELEASE)

    def _job_key(self, job_id: str) -> str:
        return f"{self.prefix}job:{job_id}"

    def check(self) -> None:
        """Raise QueueError naming the URL when Redis does not answer."""
        try:
            self.redis.ping()
        except redis.RedisError as exc:
            raise QueueError(f"Redis at {self.url} does not answer: {exc}") from None

    # -- the coordinator's side ------------------------------------------------------------------------

    def enqueue(self, payloads: list[dict[str, Any]]) -> list[str]:
        """Put jobs on the queue, in order; returns their ids."""
        ids = [uuid.uuid4().hex for _ in payloads]
        with self.redis.pipeline() as pipe:
            for job_id, payload in zip(ids, payloads, strict=True):
                pipe.hset(self._job_key(job_id), mapping={"payload": json.dumps(payload, ensure_ascii=False),
                                                          "state": JobState.WAITING.value, "attempts": 0})
                pipe.lpush(self.queue_key, job_id)
            pipe.execute()
        return ids

    def status(self, job_ids: list[str]) -> dict[str, JobStatus]:
        with self.redis.pipeline() as pipe:
            for job_id in job_ids:
                pipe.hmget(self._job_key(job_id), "state", "attempts", "worker", "result")
            answers = pipe.execute()
        out = {}
        for job_id, (state, attempts, worker, result) in zip(job_ids, answers, strict=True):
            if state is None:
                out[job_id] = JobStatus(JobState.LOST)
                continue
            out[job_id] = JobStatus(JobState(state.decode()), int(attempts or 0),
                                    worker.decode() if worker else None,
                                    json.loads(result) if result else None)
        return out

    def forget(self, job_ids: list[str]) -> None:
        """Drop jobs (collected, or given up by their coordinator): a worker taking one skips it."""
        if job_ids:
            with self.redis.pipeline() as pipe:
                pipe.delete(*(self._job_key(i) for i in job_ids))
                pipe.zrem(self.leases_key, *job_ids)
                pipe.execute()

    def reclaim_expired(self) -> list[str]:
        """Put back every job whose lease has run out (its worker died); returns their ids."""
        return [i.decode() for i in self._release(keys=[self.queue_key, self.leases_key],
                                                  args=[self.prefix, "", ""])]

    def waiting(self) -> int:
        return self.redis.llen(self.queue_key)

    # -- the worker's side -----------------------------------------------------------------------------

    def take(self, worker: str, lease_seconds: float) -> Job | None:
        found = self._take(keys=[self.queue_key, self.leases_key],
                           args=[self.prefix, int(lease_seconds * 1000), worker])
        if not found:
            return None
        job_id, payload = found
        return Job(job_id.decode(), json.loads(payload))

    def renew(self, job: Job, worker: str, lease_seconds: float) -> bool:
        """Extend the lease; False when the job is no longer this worker's (reclaimed, or Redis lost it)."""
        return bool(self._renew(keys=[self.leases_key], args=[self.prefix, int(lease_seconds * 1000), worker, job.id]))

    def finish(self, job: Job, worker: str, result: dict[str, Any]) -> bool:
        """Report the job done; False when it was no longer this worker's (the result is dropped)."""
        return bool(self._finish(keys=[self.leases_key], args=[self.prefix, worker, job.id,
                                                               json.dumps(result, ensure_ascii=False),
                                                               DONE_TTL_SECONDS]))

    def give_back(self, job: Job, worker: str) -> bool:
        """Put a job this worker will not finish back at the head of the queue (it is stopping)."""
        return bool(self._release(keys=[self.queue_key, self.leases_key], args=[self.prefix, worker, job.id]))
