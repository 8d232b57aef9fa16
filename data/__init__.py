"""The kit's data folder, installed inside the package as ``casekit.datasets``.

Nothing to run here: the folder is a package only so that an installed kit
carries its citizens (``casekit.load_citizens`` reads them with
``importlib.resources``). What the files are: ``README.md``.
"""
