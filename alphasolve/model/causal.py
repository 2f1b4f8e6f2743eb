"""CausalLMSampler: samples from any local directory that
`AutoModelForCausalLM.from_pretrained(dir, local_files_only=True)` loads with its tokenizer
(Llama, Qwen2, GPT-2, StarCoder2, DeepSeek-Coder...). Nothing is fetched from a model hub.

Two ways to ask (PromptStyle, from --prompt or the model's alphasolve.json):

- prefix (base models, and models fine-tuned on this project's format): the seq2seq
  prompt, metadata header and statement, then a newline; the program is the continuation,
  ended by EOS.
- chat (instruction-tuned models; the tokenizer must have a chat template): one user turn
  asking for a program in the sampled language with the metadata as instructions; the
  program is the reply's first fenced code block, and sampling stops at its closing fence.
  A reply without a block is a sample with empty code (it fails the examples like any
  wrong program): it is counted in the log, never an error.

The decoding loop is kv_decode.SharedPrefixDecoder (prefill once per prompt, cache shared
by its samples).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

import torch

from alphasolve.candidate import Candidate
from alphasolve.model.decoding import Decoded, resolve_dtype, torch_device
from alphasolve.model.kv_decode import SharedPrefixDecoder
from alphasolve.model.modeldir import check_model_dir, load_tokenizer
from alphasolve.model.prompt import (
    CHAT_NAMES,
    PromptMeta,
    chat_solution_request,
    chat_test_input_request,
    closes_block,
    first_code_block,
    solution_prompt,
    test_input_prompt,
)
from alphasolve.model.sampler import (
    KnownProgram,
    LoadOptions,
    ModelError,
    PromptStyle,
    SamplingConfig,
    Scored,
    plan_groups,
)
from alphasolve.problem import Problem

__all__ = ["CausalLMSampler"]

log = logging.getLogger(__name__)

# Chat prompts keep this many tokens at their end when cut to max_prompt_tokens: the
# template's assistant header is there.
_CHAT_TAIL = 32


class CausalLMSampler:
    """Implements the Backend protocol with a local decoder-only model."""

    def __init__(
        self, model_dir: str | Path, device: str = "auto", prompt: PromptStyle = PromptStyle.PREFIX
    ) -> None:
        path = Path(model_dir)
        check_model_dir(path)
        from transformers import AutoModelForCausalLM

        self.tokenizer = load_tokenizer(path)
        if prompt is PromptStyle.CHAT and not getattr(self.tokenizer, "chat_template", None):
            raise ModelError(
                f"{path}: --prompt chat needs a tokenizer with a chat template; this one has none"
            )
        self.device = torch_device(device)
        try:
            model = AutoModelForCausalLM.from_pretrained(
                str(path), local_files_only=True, use_safetensors=True,
                dtype=resolve_dtype("auto", self.device, fast_loop=False),
            )  # fmt: skip
        except Exception as exc:
            raise ModelError(f"{path}: cannot load a causal language model: {exc}") from exc
        self.model = model.to(self.device).eval()
        self.path, self.prompt = path, prompt
        eos = model.generation_config.eos_token_id
        eos_ids = {*(eos if isinstance(eos, list) else [eos]), self.tokenizer.eos_token_id} - {None}
        pad = self.tokenizer.pad_token_id
        self.pad_id = pad if pad is not None else min(eos_ids, default=0)
        self.decoder = SharedPrefixDecoder(self.model, sorted(eos_ids), self.pad_id)
        self._vocab = self.tokenizer.get_vocab()
        # Many models pad their output layer past the tokenizer (Qwen2.5: 151,936 logits for
        # ~151,665 tokens): ids no tokenizer entry covers cannot be decoded, so never drawn.
        width = self.model.get_output_embeddings().weight.shape[0]
        self._undecodable = tuple(range(len(self.tokenizer), width))
        # Tokens that may complete a closing fence: only after one is the reply decoded.
        self._ticks: torch.Tensor | None = None
        if prompt is PromptStyle.CHAT:
            texts = self.tokenizer.convert_ids_to_tokens(list(range(len(self.tokenizer))))
            decoded = [self.tokenizer.convert_tokens_to_string([t]) if t else "" for t in texts]
            self._ticks = torch.tensor(["`" in s for s in decoded])

    @classmethod
    def load(cls, model_dir: Path | None, options: LoadOptions | None = None) -> CausalLMSampler:
        if model_dir is None:
            raise ModelError(
                "the causal sampler needs --model DIR (no causal model ships with alphasolve)"
            )
        options = options or LoadOptions()
        return cls(model_dir, options.device, options.prompt or PromptStyle.PREFIX)

    # -- prompts -------------------------------------------------------------------------

    def _encode(self, text: str) -> list[int]:
        """A prefix prompt's ids: with the tokenizer's start token if it adds one, without a
        trailing end token (a T5-style tokenizer appends EOS to every text)."""
        ids = self.tokenizer(text)["input_ids"]
        while ids and ids[-1] in self.decoder.eos_ids:
            ids = ids[:-1]
        return ids

    def _chat(self, request: str) -> list[int]:
        text = self.tokenizer.apply_chat_template(
            [{"role": "user", "content": request}], add_generation_prompt=True, tokenize=False
        )
        return self.tokenizer(text, add_special_tokens=False)["input_ids"]

    def _cut(self, ids: list[int], limit: int) -> list[int]:
        """At most `limit` tokens: a prefix prompt loses its tail (late notes and examples),
        a chat prompt the part before the template's closing tokens."""
        if len(ids) <= limit:
            return ids
        if self.prompt is PromptStyle.CHAT:
            tail = min(_CHAT_TAIL, limit // 2)
            return ids[: limit - tail] + ids[-tail:]
        return ids[:limit]

    def _solution_prompt(self, problem: Problem, meta: PromptMeta) -> list[int]:
        if self.prompt is PromptStyle.CHAT:
            return self._chat(chat_solution_request(problem, meta))
        return self._encode(solution_prompt(problem, meta) + "\n")

    def _input_prompt(self, problem: Problem) -> list[int]:
        if self.prompt is PromptStyle.CHAT:
            return self._chat(chat_test_input_request(problem))
        return self._encode(test_input_prompt(problem) + "\n")

    def _target(self, code: str, language: str) -> list[int]:
        """The tokens a sample of `code` consists of: the program and EOS, or in a chat
        reply the fenced block up to its closing fence."""
        if self.prompt is PromptStyle.CHAT:
            fence = CHAT_NAMES.get(language, ("", ""))[1]
            return self.tokenizer(f"```{fence}\n{code}```", add_special_tokens=False)["input_ids"]
        return (
            self.tokenizer(code, add_special_tokens=False)["input_ids"] + self.decoder.eos_ids[:1]
        )

    def _answer(self, tokens: list[int]) -> str | None:
        """The program (or input) in a sample's tokens; None: a chat reply without a block."""
        text = self.tokenizer.decode(tokens, skip_special_tokens=True)
        return first_code_block(text) if self.prompt is PromptStyle.CHAT else text

    # -- the protocol --------------------------------------------------------------------

    def sample(
        self,
        problem: Problem,
        n: int,
        seed: int,
        config: SamplingConfig,
        banned: Sequence[str] = (),
    ) -> list[Candidate]:
        groups = plan_groups(n, seed, config)
        prompts = [
            self._cut(self._solution_prompt(problem, g.meta), config.max_prompt_tokens)
            for g in groups
        ]
        decoded = self._generate(
            prompts, [g.size for g in groups], [g.seed for g in groups], config, banned
        )
        out, missing = [], 0
        row = 0
        for group in groups:
            for _ in range(group.size):
                length = int(decoded.lengths[row])
                code = self._answer(decoded.tokens[row, :length].tolist())
                missing += code is None
                out.append(
                    Candidate.create(
                        problem_id=problem.id,
                        language=group.meta.language,
                        code=code or "",
                        rating=group.meta.rating or 0,
                        tags=group.meta.tags,
                        temperature=config.temperature,
                        seed=seed,
                        log_likelihood=float(decoded.log_likelihoods[row]),
                        num_tokens=length,
                    )
                )
                row += 1
        if missing:
            log.info(
                "%s: %d of %d chat replies had no fenced code block (empty programs)",
                problem.id,
                missing,
                n,
            )
        return out

    def sample_inputs(
        self,
        problem: Problem,
        n: int,
        seed: int,
        config: SamplingConfig,
        banned: Sequence[str] = (),
    ) -> list[str]:
        groups = plan_groups(n, seed, config)  # their headers are unused: one prompt for all
        prompt = self._cut(self._input_prompt(problem), config.max_prompt_tokens)
        decoded = self._generate(
            [prompt] * len(groups),
            [g.size for g in groups],
            [g.seed for g in groups],
            config,
            banned,
        )
        texts = [
            self._answer(decoded.tokens[r, : int(decoded.lengths[r])].tolist()) for r in range(n)
        ]
        return [t or "" for t in texts]

    @torch.inference_mode()
    def score(self, programs: Sequence[KnownProgram]) -> list[Scored]:
        """Teacher-forced: one forward pass over prompt + target per program."""
        out = []
        for p in programs:
            # cut as `sample` cuts it: scored under the prompt it is sampled with
            prompt = self._cut(
                self._solution_prompt(p.problem, p.meta), SamplingConfig.max_prompt_tokens
            )
            target = self._target(p.code, p.meta.language)
            ids = torch.tensor([prompt + target], device=self.device)
            logits = self.model(input_ids=ids).logits[0, len(prompt) - 1 : -1].float()
            picked = logits.log_softmax(-1).gather(1, ids[0, len(prompt) :, None]).squeeze(1)
            out.append(Scored(float(picked.sum()), len(target)))
        return out

    # -- batching ------------------------------------------------------------------------

    def _generate(
        self,
        prompts: Sequence[list[int]],
        sizes: Sequence[int],
        seeds: Sequence[int],
        config: SamplingConfig,
        banned: Sequence[str],
    ) -> Decoded:
        """All groups' samples in order, batching consecutive groups of equal size."""
        dtype = resolve_dtype(config.dtype, self.device, fast_loop=False)
        if self.model.dtype != dtype:
            self.model.to(dtype)
        banned_ids = sorted(
            {self._vocab[t] for t in banned if t in self._vocab}.union(self._undecodable)
        )
        parts: list[Decoded] = []
        start = 0
        while start < len(prompts):
            size = sizes[start]
            end = start + 1
            while (
                end < len(prompts)
                and end - start < max(1, config.batch_size // size)
                and sizes[end] == size
            ):
                end += 1
            parts.append(
                self._batch(prompts[start:end], size, seeds[start:end], config, banned_ids)
            )
            start = end
        width = config.max_new_tokens
        return Decoded(
            torch.cat([d.tokens for d in parts])
            if parts
            else torch.zeros(0, width, dtype=torch.long),
            torch.cat([d.token_logprobs for d in parts]) if parts else torch.zeros(0, width),
            torch.cat([d.lengths for d in parts]) if parts else torch.zeros(0, dtype=torch.long),
            torch.cat([d.finished for d in parts]) if parts else torch.zeros(0, dtype=torch.bool),
        )

    def _stop(self, tokens: list[int]) -> bool:
        return closes_block(self.tokenizer.decode(tokens, skip_special_tokens=True))

    def _batch(
        self,
        prompts: Sequence[list[int]],
        n: int,
        seeds: Sequence[int],
        config: SamplingConfig,
        banned: Sequence[int],
    ) -> Decoded:
        stop = self._stop if self._ticks is not None else None
        if config.without_replacement:
            generators = [torch.Generator().manual_seed(s) for s in seeds]
            return self.decoder.decode_distinct(
                prompts, n, config, generators, banned, stop, self._ticks
            )
        # Each group's random numbers come from its own seed: its samples do not depend on
        # which other groups share the batch.
        uniforms = torch.cat(
            [
                torch.rand(n, config.max_new_tokens, generator=torch.Generator().manual_seed(s))
                for s in seeds
            ]
        )
        return self.decoder.decode(prompts, n, config, uniforms, banned, stop, self._ticks)
