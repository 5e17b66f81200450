"""Build-time Python for Path to PM: data validation, checklists, macros and MkDocs hooks.

Every module here is importable as ``hooks.<name>`` from the repository root;
the two entry points MkDocs loads by path (``site_hooks.py`` and
``macros.py``) put the root on ``sys.path`` first.
"""
