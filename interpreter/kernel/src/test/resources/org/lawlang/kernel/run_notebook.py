"""Executes a notebook headless with nbclient (as `jupyter nbconvert --execute` does) and writes
the executed copy. Usage: run_notebook.py IN.ipynb OUT.ipynb. Cells run in IN's folder; a cell
tagged raises-exception may fail, any other failure fails the run.
JUPYTER_PATH must name a folder whose kernels/law holds the kernelspec."""
import os
import sys

import nbformat
from nbclient import NotebookClient

nb = nbformat.read(sys.argv[1], as_version=4)
client = NotebookClient(nb, timeout=120, kernel_name="law",
                        resources={"metadata": {"path": os.path.dirname(os.path.abspath(sys.argv[1]))}})
client.execute()
nbformat.write(nb, sys.argv[2])
