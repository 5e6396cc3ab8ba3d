"""Settings for the whole suite."""

from hypothesis import settings

# No per-example deadline: on a loaded machine (CI runs two workers on two cores) a 200 ms example is not a
# bug. Speed is measured in benchmarks/; bounded time on hostile input is tested by the limits themselves.
settings.register_profile("suite", deadline=None)
settings.load_profile("suite")
