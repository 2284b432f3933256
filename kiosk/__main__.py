import sys

# The bundle: a sync's child process (and multiprocessing's resource tracker) starts as the
# kiosk itself, with "--multiprocessing-fork" or "-c" in its arguments, which the kiosk's own
# command line never has. Only then does it pay for multiprocessing: PyInstaller's runtime
# hook for it runs here, not on every start (kiosk.spec).
if getattr(sys, "frozen", False) and ("--multiprocessing-fork" in sys.argv[1:2] or "-c" in sys.argv):
    import multiprocessing

    import _pyi_rth_multiprocessing  # noqa: F401  (its freeze_support knows PyInstaller's children)

    multiprocessing.freeze_support()  # runs the child (kiosk.content.isolate) and exits

from kiosk.cli import main

sys.exit(main())
