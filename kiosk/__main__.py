import sys

if getattr(sys, "frozen", False):  # the bundle: a sync's child process starts as the kiosk itself
    import multiprocessing

    multiprocessing.freeze_support()  # runs the child (kiosk.content.isolate) and exits, if this is one

from kiosk.cli import main

sys.exit(main())
