"""The project's tokenizer: a byte-level BPE of ~2k tokens trained with `tokenizers`, saved
and loaded as a transformers tokenizer (`AutoTokenizer.from_pretrained(dir)`).

Why this pre-tokenisation: a small model copies constants from the statement into the code
much more reliably when a constant is the same token sequence in both places. So every digit
is its own token, and so is every lone letter (`15`, `'e'`, ` e` and `('e')` all contain the
tokens `1 5` or `e`, whatever surrounds them). Words of two or more letters may carry their
leading space, as in GPT-2 (that is where most of the ~3x compression over bytes comes from).

Ids follow T5: <pad>=0 (also the decoder start), </s>=1 (appended to every encoded text),
<unk>=2. The task markers of prompt.py are single, non-special tokens: they decode as text.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from alphasolve.model.literals import PLACEHOLDER_TOKENS
from alphasolve.model.prompt import TASK_MARKERS

if TYPE_CHECKING:
    from transformers import PreTrainedTokenizerFast

__all__ = [
    "EOS_ID",
    "PAD_ID",
    "SPECIAL_TOKENS",
    "UNK_ID",
    "add_placeholder_tokens",
    "load_tokenizer",
    "train_tokenizer",
]

SPECIAL_TOKENS = ("<pad>", "</s>", "<unk>")
PAD_ID, EOS_ID, UNK_ID = 0, 1, 2

# GPT-2's split without its English contractions (`'s` would swallow a quoted letter s),
# with digits one by one and lone letters never glued to the space before them.
_SPLIT = r" ?\p{L}{2,}|\p{L}|\p{N}| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+"


def train_tokenizer(texts: Iterable[str], vocab_size: int = 2048) -> PreTrainedTokenizerFast:
    """A byte-level BPE with exactly `vocab_size` ids (fewer only if `texts` run out of merges)."""
    from tokenizers import (
        AddedToken,
        Regex,
        Tokenizer,
        decoders,
        models,
        pre_tokenizers,
        processors,
        trainers,
    )
    from transformers import PreTrainedTokenizerFast

    tok = Tokenizer(models.BPE(unk_token="<unk>"))
    tok.pre_tokenizer = pre_tokenizers.Sequence(
        [
            pre_tokenizers.Split(Regex(_SPLIT), behavior="isolated"),
            pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=False),
        ]
    )
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size - len(TASK_MARKERS),  # the markers are added after training
        special_tokens=list(SPECIAL_TOKENS),
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),  # every byte is encodable
        show_progress=False,
    )
    tok.train_from_iterator(texts, trainer)
    tok.add_tokens([AddedToken(marker, normalized=False) for marker in TASK_MARKERS])
    tok.post_processor = processors.TemplateProcessing(
        single="$A </s>", pair="$A </s> $B </s>", special_tokens=[("</s>", EOS_ID)]
    )
    assert [tok.token_to_id(t) for t in SPECIAL_TOKENS] == [PAD_ID, EOS_ID, UNK_ID]
    return PreTrainedTokenizerFast(
        tokenizer_object=tok,
        pad_token="<pad>",
        eos_token="</s>",
        unk_token="<unk>",
        # The default clean-up rewrites " ," to "," when decoding: it would change programs.
        clean_up_tokenization_spaces=False,
    )


def load_tokenizer(directory: str | Path) -> PreTrainedTokenizerFast:
    """The tokenizer saved in `directory` (by `save_pretrained`), never fetched from a hub."""
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(str(directory), local_files_only=True)


def add_placeholder_tokens(tokenizer: PreTrainedTokenizerFast) -> int:
    """Give the literal placeholders of literals.py (`<N0>`, `<L0>`, ...) one id each, after
    the existing ones (so a trained model keeps its embeddings); returns how many were new.
    Plain tokens, not special ones: decoding keeps them, and unmask() maps them back."""
    from tokenizers import AddedToken

    missing = [t for t in PLACEHOLDER_TOKENS if t not in tokenizer.get_vocab()]
    return tokenizer.add_tokens([AddedToken(t, normalized=False) for t in missing])
