#!/bin/sh
# Executes notebooks/autograd-tutorial.ipynb headlessly in Jupyter with the autograd4j kernel, and compares
# what its cells show (stdout streams, then each result's text/plain on a line of its own) with the
# tutorial's transcript, examples/src/test/resources/tutorial-transcript.txt, object addresses aside.
#   tools/notebook/run.sh [--save] [notebook]
# --save writes the executed notebook (outputs in, the cells' timing metadata out) back over the notebook,
# for readers who open it without a kernel (GitHub shows the outputs).
# Needs Jupyter's nbconvert and python3 (Debian: apt-get install -y jupyter-nbconvert python3-ipykernel);
# CI does not run it: jupyter/'s NotebookTest checks the same cells without Jupyter. The kernel is built
# from this tree and installed into a scratch Jupyter data folder, so that an older install cannot answer.
set -eu

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SAVE=
if [ "${1-}" = --save ]; then SAVE=1; shift; fi
NOTEBOOK=${1:-$ROOT/notebooks/autograd-tutorial.ipynb}
TRANSCRIPT=$ROOT/examples/src/test/resources/tutorial-transcript.txt
command -v jupyter >/dev/null 2>&1 && jupyter nbconvert --version >/dev/null 2>&1 || {
  echo "run.sh needs Jupyter's nbconvert (Debian: apt-get install -y jupyter-nbconvert python3-ipykernel)" >&2
  exit 2
}

SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT
JUPYTER_DATA_DIR=$SCRATCH/data "$ROOT/jupyter/install-kernel.sh"

start=$(date +%s)
JUPYTER_DATA_DIR=$SCRATCH/data jupyter nbconvert --to notebook --execute \
  --ExecutePreprocessor.kernel_name=autograd4j --ExecutePreprocessor.timeout=120 \
  --output-dir "$SCRATCH" --output executed.ipynb "$NOTEBOOK"
echo "executed in $(( $(date +%s) - start )) s" >&2

python3 - "$SCRATCH/executed.ipynb" "$TRANSCRIPT" "$SAVE" "$NOTEBOOK" <<'PY'
import difflib, json, re, sys
nb = json.load(open(sys.argv[1], encoding="utf-8"))
want = open(sys.argv[2], encoding="utf-8").read()
text = lambda t: "".join(t) if isinstance(t, list) else t
shown = []
for cell in nb["cells"]:
    if cell["cell_type"] != "code":
        continue
    for out in cell.get("outputs", []):
        kind = out["output_type"]
        if kind == "stream" and out["name"] == "stdout":
            shown.append(text(out["text"]))
        elif kind in ("execute_result", "display_data") and "text/plain" in out["data"]:
            shown.append(text(out["data"]["text/plain"]) + "\n")
        elif kind == "error":
            sys.exit("cell failed: %s: %s\n%s" % (out["ename"], out["evalue"], "\n".join(out["traceback"])))
got = re.sub(r"object at 0x[0-9a-f]+", "object at 0x\u2026", "".join(shown))
if got != want:
    sys.stdout.writelines(difflib.unified_diff(want.splitlines(True), got.splitlines(True), "transcript", "notebook"))
    sys.exit("the notebook's outputs differ from the transcript")
print("notebook matches the transcript (%d lines)" % len(want.splitlines()))
if sys.argv[3]:
    for cell in nb["cells"]:
        cell["metadata"].pop("execution", None)  # timestamps: a diff on every run
    with open(sys.argv[4], "w", encoding="utf-8") as f:
        json.dump(nb, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print("saved the outputs in " + sys.argv[4])
PY
