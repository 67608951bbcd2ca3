import asyncio

import pytest

from tts_edition.limiter import AdaptiveLimit


def run(coroutine):
    return asyncio.run(coroutine)


async def succeed(limit: AdaptiveLimit, times: int) -> None:
    for _ in range(times):
        async with limit.slot() as slot:
            limit.succeeded(slot)


def test_starts_low_and_grows_one_slot_per_round_of_successes():
    async def main():
        limit = AdaptiveLimit(8, start=2)
        await succeed(limit, 2)
        assert limit.limit == 3
        await succeed(limit, 3 + 4 + 5)
        return limit

    limit = run(main())
    assert limit.history == [2, 3, 4, 5, 6]


def test_never_grows_past_the_ceiling():
    async def main():
        limit = AdaptiveLimit(3, start=2)
        await succeed(limit, 100)
        return limit

    assert run(main()).limit == 3


def test_a_throttle_halves_the_limit_and_pauses_the_queue():
    async def main():
        limit = AdaptiveLimit(8, start=6, pause=0.2)
        async with limit.slot() as slot:
            limit.throttled(slot)
        assert limit.limit == 3 and limit.paused
        loop = asyncio.get_running_loop()
        started = loop.time()
        async with limit.slot():
            waited = loop.time() - started
        return limit, waited

    limit, waited = run(main())
    assert waited >= 0.15
    assert not limit.paused


def test_requests_started_together_halve_the_limit_once():
    async def main():
        limit = AdaptiveLimit(8, start=8, pause=0.0)
        async with limit.slot() as a, limit.slot() as b, limit.slot() as c:
            for slot in (a, b, c):
                limit.throttled(slot)
        return limit

    limit = run(main())
    assert limit.limit == 4
    assert limit.throttles == 3


def test_a_burst_of_failures_halves_but_a_single_one_does_not():
    async def main():
        limit = AdaptiveLimit(8, start=4, pause=0.0, burst=3)
        async with limit.slot() as slot:
            limit.failed(slot)
        assert limit.limit == 4
        for _ in range(2):
            async with limit.slot() as slot:
                limit.failed(slot)
        return limit

    assert run(main()).limit == 2


def test_settles_below_the_level_that_drew_a_throttle():
    async def main():
        limit = AdaptiveLimit(16, start=6, pause=0.0, probe_after=1000)
        async with limit.slot() as slot:
            limit.throttled(slot)  # at 6
        await succeed(limit, 200)
        return limit

    limit = run(main())
    assert limit.limit == 5
    assert limit.history == [6, 3, 4, 5]


def test_probes_higher_again_after_a_long_calm():
    async def main():
        limit = AdaptiveLimit(16, start=4, pause=0.0, probe_after=10)
        async with limit.slot() as slot:
            limit.throttled(slot)  # at 4: stay at 3
        await succeed(limit, 2 + 10 + 4)
        return limit

    assert run(main()).limit == 4


def test_never_more_requests_in_flight_than_the_limit():
    async def main():
        limit = AdaptiveLimit(3, start=3)

        async def request():
            async with limit.slot() as slot:
                await asyncio.sleep(0.01)
                limit.succeeded(slot)

        await asyncio.gather(*(request() for _ in range(20)))
        return limit

    limit = run(main())
    assert limit.peak == 3
    assert limit.active == 0


def test_a_fixed_limit_does_not_adapt():
    async def main():
        limit = AdaptiveLimit(4, adaptive=False, pause=0.0)
        async with limit.slot() as slot:
            limit.throttled(slot)
        await succeed(limit, 10)
        return limit

    assert run(main()).limit == 4


def test_a_ceiling_below_one_is_refused():
    with pytest.raises(ValueError):
        AdaptiveLimit(0)


def test_a_failed_probe_steps_back_to_the_calm_level_instead_of_halving():
    async def main():
        limit = AdaptiveLimit(16, start=6, pause=0.0, probe_after=10)
        async with limit.slot() as slot:
            limit.throttled(slot)  # at 6: halve to 3, stay below 6
        await succeed(limit, 3 + 4 + 10 + 6)  # up to 5, calm there, probe 6
        assert limit.limit == 6
        async with limit.slot() as slot:
            limit.throttled(slot)
        return limit

    limit = run(main())
    assert limit.limit == 5
    assert limit.history == [6, 3, 4, 5, 6, 5]
