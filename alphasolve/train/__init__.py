"""Training alphasolve's default model: a small T5 on the synthetic corpus, on CPU.

  config   TrainConfig, the run's record in OUT/train_config.json, and the flags that set it
  data     training pairs from the corpus' JSON lines (solution, test input, literals), batches
  loop     the resumable training loop
  export   the shipped form of a run (save_pretrained + alphasolve.json)
  memory   allocator (jemalloc), memory release and stop signals around a run

scripts/train_default_model.py is the command line; docs/model.md says how the shipped
model was trained with it.
"""

from .config import FLAGS, TrainConfig, TrainError, resolve_config
from .export import export, export_run
from .loop import Sitting, train

__all__ = [
    "FLAGS",
    "Sitting",
    "TrainConfig",
    "TrainError",
    "export",
    "export_run",
    "resolve_config",
    "train",
]
