"""Seq2SeqSampler: samples from any local directory that
`AutoModelForSeq2SeqLM.from_pretrained(dir, local_files_only=True)` loads (T5, CodeT5, BART).

T5ForConditionalGeneration goes through the fast loop (fast_t5.py); anything else through
`model.generate()`. Nothing is ever fetched from a model hub. Literal placeholders (the
shipped model's alphasolve.json asks for them) are the LiteralMasking wrapper's business:
this class samples what it is given.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import torch

from alphasolve.candidate import Candidate
from alphasolve.model.decoding import bf16_is_fast, resolve_dtype, torch_device
from alphasolve.model.fast_t5 import FastT5, is_supported
from alphasolve.model.modeldir import check_model_dir, load_tokenizer
from alphasolve.model.prompt import solution_prompt, test_input_prompt
from alphasolve.model.sampler import (
    DEFAULT_MODEL_DIR,
    KnownProgram,
    LoadOptions,
    ModelError,
    SamplingConfig,
    Scored,
    derive_seed,
    plan_groups,
)
from alphasolve.problem import Problem

__all__ = ["Seq2SeqSampler", "bf16_is_fast", "resolve_dtype", "torch_device"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Generated:
    """One prompt group's samples."""

    texts: list[str]
    log_likelihoods: list[float]
    num_tokens: list[int]


class Seq2SeqSampler:
    """Implements the Backend protocol with a local seq2seq model."""

    def __init__(self, model_dir: str | Path, device: str = "auto") -> None:
        path = Path(model_dir)
        check_model_dir(path)
        from transformers import AutoModelForSeq2SeqLM

        self.tokenizer = load_tokenizer(path)
        try:
            # float32 whatever the file holds (a shipped model may be stored in bf16 to halve
            # its size): SamplingConfig.dtype decides what the matmuls run in.
            model = AutoModelForSeq2SeqLM.from_pretrained(
                str(path), local_files_only=True, dtype=torch.float32, use_safetensors=True
            )
        except Exception as exc:
            raise ModelError(f"{path}: cannot load a seq2seq model: {exc}") from exc
        self.device = torch_device(device)
        self.model = model.to(self.device).eval()
        self.path = path
        self._vocab = self.tokenizer.get_vocab()
        self._fast: dict[torch.dtype, FastT5] = {}
        self._warned_replacement = False

    @classmethod
    def load(
        cls, model_dir: str | Path | None = None, options: LoadOptions | None = None
    ) -> Seq2SeqSampler:
        """The sampler for `model_dir`, or for the model shipped in the package."""
        if model_dir is None:
            if not (DEFAULT_MODEL_DIR / "config.json").is_file():
                raise ModelError("no default model shipped yet; pass --model DIR")
            model_dir = DEFAULT_MODEL_DIR
        return cls(model_dir, (options or LoadOptions()).device)

    def sample(
        self,
        problem: Problem,
        n: int,
        seed: int,
        config: SamplingConfig,
        banned: Sequence[str] = (),
    ) -> list[Candidate]:
        groups = plan_groups(n, seed, config)
        prompts = [solution_prompt(problem, g.meta) for g in groups]
        generated = self._generate(
            prompts, [g.size for g in groups], [g.seed for g in groups], config,
            self._ids(banned),
        )  # fmt: skip
        return [
            Candidate.create(
                problem_id=problem.id,
                language=group.meta.language,
                code=text,
                rating=group.meta.rating or 0,
                tags=group.meta.tags,
                temperature=config.temperature,
                seed=seed,
                log_likelihood=ll,
                num_tokens=count,
            )
            for group, out in zip(groups, generated, strict=True)
            for text, ll, count in zip(out.texts, out.log_likelihoods, out.num_tokens, strict=True)
        ]

    def sample_inputs(
        self,
        problem: Problem,
        n: int,
        seed: int,
        config: SamplingConfig,
        banned: Sequence[str] = (),
    ) -> list[str]:
        groups = plan_groups(n, seed, config)  # their headers are unused: one prompt for all
        prompts = [test_input_prompt(problem)] * len(groups)
        generated = self._generate(
            prompts, [g.size for g in groups], [g.seed for g in groups], config,
            self._ids(banned),
        )  # fmt: skip
        return [text for out in generated for text in out.texts]

    def _ids(self, tokens: Sequence[str]) -> list[int]:
        """Ids of the `tokens` this model's vocabulary has as single tokens."""
        return sorted(self._vocab[t] for t in tokens if t in self._vocab)

    def score(self, programs: Sequence[KnownProgram]) -> list[Scored]:
        pairs = [(solution_prompt(p.problem, p.meta), p.code) for p in programs]
        return [Scored(-nll, count) for nll, count in self.score_pairs(pairs)]

    @torch.inference_mode()
    def score_pairs(
        self, pairs: Sequence[tuple[str, str]], batch_size: int = 16
    ) -> list[tuple[float, int]]:
        """Teacher-forced (negative log-likelihood, target tokens) of each (prompt, target)
        pair, EOS included: the perplexity of a program under the model."""
        out: list[tuple[float, int]] = []
        for start in range(0, len(pairs), batch_size):
            chunk = pairs[start : start + batch_size]
            enc = self.tokenizer(
                [p for p, _ in chunk], padding=True, truncation=True, max_length=1024,
                return_tensors="pt",
            )  # fmt: skip
            tgt = self.tokenizer([t for _, t in chunk], padding=True, return_tensors="pt")
            labels = tgt["input_ids"].masked_fill(tgt["attention_mask"] == 0, -100)
            logits = self.model(
                input_ids=enc["input_ids"].to(self.device),
                attention_mask=enc["attention_mask"].to(self.device),
                labels=labels.to(self.device),
            ).logits.float()
            lp = logits.log_softmax(-1)
            mask = labels != -100
            picked = lp.gather(2, labels.clamp(min=0).to(self.device)[:, :, None]).squeeze(2)
            nll = -(picked * mask.to(self.device)).sum(1)
            out += [(float(v), int(m)) for v, m in zip(nll.cpu(), mask.sum(1), strict=True)]
        return out

    # -- batching ----------------------------------------------------------------------------

    def _generate(
        self,
        prompts: Sequence[str],
        sizes: Sequence[int],
        seeds: Sequence[int],
        config: SamplingConfig,
        banned: Sequence[int] = (),
    ) -> list[_Generated]:
        """Each prompt's samples, batching consecutive groups of equal size; `banned` token
        ids are never drawn."""
        out: list[_Generated] = []
        start = 0
        while start < len(prompts):
            size = sizes[start]
            per_batch = max(1, config.batch_size // size)
            end = start + 1
            while end < len(prompts) and end - start < per_batch and sizes[end] == size:
                end += 1
            out += self._batch(prompts[start:end], size, seeds[start:end], config, banned)
            start = end
        return out

    def _batch(
        self,
        prompts: Sequence[str],
        n: int,
        seeds: Sequence[int],
        config: SamplingConfig,
        banned: Sequence[int] = (),
    ) -> list[_Generated]:
        enc = self.tokenizer(
            list(prompts),
            padding=True,
            truncation=True,
            max_length=config.max_prompt_tokens,
            return_tensors="pt",
        )
        fast = is_supported(self.model)
        dtype = resolve_dtype(config.dtype, self.device, fast_loop=fast)
        if fast:
            tokens, lengths, lls = self._fast_decode(enc, n, seeds, config, dtype, banned)
        else:
            seed = derive_seed(*seeds)
            tokens, lengths, lls = self._hf_generate(enc, n, seed, config, dtype, banned)
        texts = [
            self.tokenizer.decode(row[:length].tolist(), skip_special_tokens=True)
            for row, length in zip(tokens, lengths.tolist(), strict=True)
        ]
        return [
            _Generated(
                texts[i * n : (i + 1) * n],
                lls[i * n : (i + 1) * n].tolist(),
                lengths[i * n : (i + 1) * n].tolist(),
            )
            for i in range(len(prompts))
        ]

    def _fast_decode(
        self,
        enc,
        n: int,
        seeds: Sequence[int],
        config: SamplingConfig,
        dtype: torch.dtype,
        banned: Sequence[int] = (),
    ):
        if dtype not in self._fast:
            self._fast[dtype] = FastT5(self.model, dtype)
        if config.without_replacement:
            generators = [torch.Generator().manual_seed(s) for s in seeds]
            out = self._fast[dtype].decode_distinct(
                enc["input_ids"], enc["attention_mask"], n, config, generators, banned=banned
            )
            return out.tokens, out.lengths, out.log_likelihoods
        # Each group's random numbers come from its own seed: its samples do not depend on
        # which other groups share the batch.
        uniforms = torch.cat(
            [
                torch.rand(n, config.max_new_tokens, generator=torch.Generator().manual_seed(s))
                for s in seeds
            ]
        )
        out = self._fast[dtype].decode(
            enc["input_ids"], enc["attention_mask"], n, config, uniforms, banned=banned
        )
        return out.tokens, out.lengths, out.log_likelihoods

    @torch.inference_mode()
    def _hf_generate(
        self,
        enc,
        n: int,
        seed: int,
        config: SamplingConfig,
        dtype: torch.dtype,
        banned: Sequence[int] = (),
    ):
        """The fallback for architectures the fast loop does not know. Seeded through the
        global RNG (inside fork_rng, so the caller's RNG state is untouched)."""
        if config.without_replacement and not self._warned_replacement:
            # generate() has no sampling without replacement; refusing would stop a whole
            # run over a setting that only changes how many duplicates it draws
            log.warning(
                "%s: sampling without replacement needs a T5 model (the fast loop); "
                "sampling with replacement", type(self.model).__name__,
            )  # fmt: skip
            self._warned_replacement = True
        sampling = config.temperature > 0
        kwargs = {
            "input_ids": enc["input_ids"].to(self.device),
            "attention_mask": enc["attention_mask"].to(self.device),
            "do_sample": sampling,
            "num_beams": 1,
            "num_return_sequences": n,
            "max_new_tokens": config.max_new_tokens,
            "repetition_penalty": config.repetition_penalty,
            "return_dict_in_generate": True,
            "output_logits": True,  # raw logits: log-likelihoods under the T=1 model
        }
        if banned:
            kwargs["bad_words_ids"] = [[i] for i in banned]
        if sampling:  # transformers warns about sampling settings in greedy mode
            kwargs |= {
                "temperature": config.temperature,
                "top_k": config.top_k,
                "top_p": config.top_p,
            }
        devices = [self.device] if self.device.type == "cuda" else []
        with torch.random.fork_rng(devices=devices):
            torch.manual_seed(seed)
            with torch.autocast(self.device.type, dtype=dtype, enabled=dtype != torch.float32):
                out = self.model.generate(**kwargs)
        tokens = out.sequences[:, 1:].cpu()  # drop the decoder start token
        logits = torch.stack(out.logits, 1).float().cpu()  # [B, T, V]
        lp = logits.log_softmax(-1).gather(2, tokens[:, :, None]).squeeze(2)
        eos = self.model.generation_config.eos_token_id
        eos_ids = torch.tensor(eos if isinstance(eos, list) else [eos])
        ended = torch.isin(tokens, eos_ids)
        finished = ended.any(1)
        lengths = torch.where(finished, ended.int().argmax(1) + 1, tokens.shape[1])
        positions = torch.arange(tokens.shape[1])[None, :]
        lls = lp.masked_fill(positions >= lengths[:, None], 0.0).sum(1)
        return tokens, lengths, lls
