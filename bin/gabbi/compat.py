"""Replays Gnocchi's own gabbits against a live Polenta, one fresh server per file.

Run through bin/gabbi-compat. The YAML files are read from the installed python3-gnocchi
package, never from this repository. For each file, `bin/polenta gabbi-server` starts a Polenta
with fresh state configured like Gnocchi's gabbi fixture and prints its base URL last; the file
runs against that URL; `bin/polenta gabbi-server --stop` stops it.

Output: one line per file, `FILE: N passed, M failed`, then a last line over all files. A test
that a gabbit marks xfail and that fails, as it must, is counted as skipped, not as passed.
Exit status 1 when a file passes fewer tests than its floor in floors.txt (the real Gnocchi's
live count), or when a file named on the command line has a failure and no floor.
"""
import os
import re
import subprocess
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import gabbi_polenta  # noqa: E402,F401  (registers !AssertNAN before any YAML is read)
from gabbi import runner, suitemaker, utils  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
GABBITS = "/usr/lib/python3/dist-packages/gnocchi/tests/functional/gabbits"
LOG_DIR = os.path.join(ROOT, "var", "gabbi", "results")


def read_floors():
    floors = {}
    with open(os.path.join(HERE, "floors.txt")) as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                name, floor = line.split()
                floors[name] = int(floor)
    return floors


def start_server():
    out = subprocess.run([os.path.join(ROOT, "bin", "polenta"), "gabbi-server"],
                         stdout=subprocess.PIPE, text=True)
    if out.returncode != 0:
        raise RuntimeError("bin/polenta gabbi-server failed")
    lines = out.stdout.strip().splitlines()
    url = re.search(r"https?://\S+", lines[-1]) if lines else None
    if not url:
        raise RuntimeError("bin/polenta gabbi-server printed no URL last")
    return url.group(0)


def stop_server():
    subprocess.run([os.path.join(ROOT, "bin", "polenta"), "gabbi-server", "--stop"])


def run_file(path, url, log):
    with open(path) as f:
        data = utils.load_yaml(f, safe=False)
    host, port, prefix = _split(url)
    handlers = runner.initialize_handlers(["gabbi_polenta"])
    suite = suitemaker.test_suite_from_dict(
        unittest.defaultTestLoader, os.path.splitext(os.path.basename(path))[0], data,
        os.path.dirname(path), host, port, None, None, prefix=prefix,
        handlers=handlers, test_loader_name="gabbi-compat")
    result = unittest.TextTestRunner(stream=log, verbosity=2).run(suite)
    bad = len(result.failures) + len(result.errors) + len(result.unexpectedSuccesses)
    skipped = len(result.skipped) + len(result.expectedFailures)
    passed = result.testsRun - bad - skipped
    return passed, bad, skipped


def _split(url):
    from urllib.parse import urlparse
    u = urlparse(url)
    return u.hostname, u.port or 80, u.path


def main(argv):
    floors = read_floors()
    names = [os.path.basename(a) for a in argv] or sorted(floors)
    names = [n if n.endswith(".yaml") else n + ".yaml" for n in names]
    os.makedirs(LOG_DIR, exist_ok=True)
    totals = [0, 0, 0]
    ok = True
    for name in names:
        path = os.path.join(GABBITS, name)
        stem = name[:-5]
        started = time.time()
        try:
            url = start_server()
            with open(os.path.join(LOG_DIR, stem + ".log"), "w") as log:
                passed, failed, skipped = run_file(path, url, log)
        except Exception as e:  # a server that does not start fails the whole file
            print("%s: server error: %s" % (stem, e), file=sys.stderr)
            passed, failed, skipped = 0, _count_tests(path), 0
        finally:
            stop_server()
        line = "%s: %d passed, %d failed" % (stem, passed, failed)
        if skipped:
            line += ", %d skipped" % skipped
        floor = floors.get(stem)
        if floor is not None and passed < floor:
            ok = False
            line += "   (below the floor of %d; log: var/gabbi/results/%s.log)" % (floor, stem)
        elif floor is None and failed:
            ok = False
        print(line + "   [%.0fs]" % (time.time() - started) if os.environ.get("GABBI_TIMES") else line,
              flush=True)
        totals = [totals[0] + passed, totals[1] + failed, totals[2] + skipped]
    print("%d passed, %d failed, %d skipped" % tuple(totals), flush=True)
    return 0 if ok else 1


def _count_tests(path):
    try:
        with open(path) as f:
            return len(utils.load_yaml(f, safe=False).get("tests", []))
    except Exception:
        return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
