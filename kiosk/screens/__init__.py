"""The visitor screens, one per module (``home``, ``situations``, ``services``, ``service``,
``office``, ``search``, ``ticket``, ``online``, ``online_service``, ``guides``, ``guide``,
``out_of_order``), and the staff area in ``kiosk.screens.staff``.

Qt shell. A screen may import ``kiosk.ui`` (widgets, the Screen base), ``kiosk.workers``' types
and the core; never another screen (screens talk through the flow and the Navigator) and never
the staff area.
"""
