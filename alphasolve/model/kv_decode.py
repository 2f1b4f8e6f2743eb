"""The shared-prefix sampling loop for causal language models (any AutoModelForCausalLM).

Why not `generate(num_return_sequences=n)`: it copies each prompt n times *before* the
prefill, so the prompt (a whole statement, hundreds of tokens) is run through the model n
times, and every row stays in the batch until the longest one ends. Here:

1. the P prompts of a batch are prefilled once, left-padded (positions from the mask);
2. their KV cache is then repeated n times along the batch (`batch_repeat_interleave`):
   the n samples of a prompt share its prefill, computed once;
3. on GPUs the cache grows into preallocated buffers (no torch.cat per step, so no copy of
   the whole cache per token) where the model's cache layers are the plain dynamic kind. On
   CPUs it grows by torch.cat as transformers' own does: there the buffers' strided views
   were no faster, attention copying them anyway (docs/samplers.md);
4. a row stops at EOS (any of the model's end ids) or, for chat replies, at the closing
   fence of its code block; finished rows are dropped from the batch once a quarter of it
   has finished, and the loop stops when every row has.

Sampling without replacement (swor.py) is the same loop with the stochastic beam's
reordering (`reorder_cache`) in place of the dropping. The model runs through its own
forward(), so any architecture transformers implements works; nothing here depends on one.

Log-likelihoods are under the temperature-1 model (raw logits, before penalty, temperature,
top-k, top-p), as the T5 loop's: tests check them against a teacher-forced pass.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import torch
from torch import Tensor

from alphasolve.model.decoding import Decoded, process_logits, sample_tokens
from alphasolve.model.sampler import SamplingConfig
from alphasolve.model.swor import select_beams

__all__ = ["SharedPrefixDecoder", "StopCheck"]

# Drop finished rows once they are this share of the batch (each drop copies the caches).
_COMPACT_AT = 0.25

# Whether a row's generated tokens so far end its sample (besides EOS): the chat path's
# closing fence. Called only for rows whose newest token might complete one.
StopCheck = Callable[[list[int]], bool]


def _preallocated_layer_class() -> type:
    from transformers.cache_utils import DynamicLayer

    class PreallocatedLayer(DynamicLayer):
        """A DynamicLayer whose keys and values are views of buffers of `capacity`
        positions: appending a step writes in place instead of copying the whole cache."""

        def __init__(self, capacity: int) -> None:
            super().__init__()
            self.capacity = capacity
            self.length = 0

        def lazy_initialization(self, key_states: Tensor, value_states: Tensor) -> None:
            self.device = key_states.device
            b, h, _, dk = key_states.shape
            self.k_buf = key_states.new_empty(b, h, self.capacity, dk)
            self.v_buf = value_states.new_empty(b, h, self.capacity, value_states.shape[-1])
            self.is_initialized = True

        def _views(self) -> tuple[Tensor, Tensor]:
            self.keys = self.k_buf[:, :, : self.length]
            self.values = self.v_buf[:, :, : self.length]
            return self.keys, self.values

        def update(self, key_states: Tensor, value_states: Tensor, *args, **kwargs):
            if not self.is_initialized:
                self.lazy_initialization(key_states, value_states)
            end = self.length + key_states.shape[-2]
            self.k_buf[:, :, self.length : end] = key_states
            self.v_buf[:, :, self.length : end] = value_states
            self.length = end
            return self._views()

        def get_seq_length(self) -> int:
            return self.length

        def _take(self, rows: Tensor) -> None:
            """Rows `rows` of the buffers, copying only the positions written."""
            for name in ("k_buf", "v_buf"):
                buf = getattr(self, name)
                out = buf.new_empty((len(rows), *buf.shape[1:]))
                out[:, :, : self.length] = buf[rows, :, : self.length]
                setattr(self, name, out)
            self._views()

        def batch_repeat_interleave(self, repeats: int) -> None:
            if self.is_initialized:
                self._take(
                    torch.arange(self.k_buf.shape[0], device=self.device).repeat_interleave(repeats)
                )

        def batch_select_indices(self, indices: Tensor) -> None:
            if self.is_initialized:
                self._take(indices.to(self.device))

        def reorder_cache(self, beam_idx: Tensor) -> None:
            if self.is_initialized:
                self._take(beam_idx.to(self.device))

    return PreallocatedLayer


@dataclass
class _Batch:
    """The decoding batch after the prefill: B rows, prompt width L (left-padded)."""

    cache: object  # a transformers Cache
    logits: Tensor  # [B, V] float32: the next token's logits
    mask: Tensor  # [B, L + T] long: 1 where a row has a real token (prompt or generated)
    start: Tensor  # [B] long: the position of each row's first generated token
    width: int  # L


class SharedPrefixDecoder:
    """Samples from one causal LM (in eval mode), on the device its weights are on."""

    def __init__(
        self,
        model: torch.nn.Module,
        eos_ids: Sequence[int],
        pad_id: int,
        preallocate: bool | None = None,
    ) -> None:
        """`preallocate`: grow the cache in preallocated buffers; None: on GPUs only."""
        self.model = model
        self.preallocate = preallocate
        self.eos_ids = sorted(set(eos_ids))
        self.pad_id = pad_id
        params = inspect.signature(model.forward).parameters
        # transformers renamed `past_key_values` to `cache` in 5.x (the old name still works,
        # with a warning, in between)
        self._cache_arg = "cache" if "cache" in params else "past_key_values"
        self._layer_cls = _preallocated_layer_class()

    @property
    def device(self) -> torch.device:
        return next(self.model.parameters()).device

    def _new_cache(self, capacity: int):
        from transformers import DynamicCache
        from transformers.cache_utils import DynamicLayer

        cache = DynamicCache(config=self.model.config)
        layers = getattr(cache, "layers", None)
        wanted = self.preallocate
        if wanted is None:
            wanted = self.device.type == "cuda"
        # Only plain full-attention layers are swapped: sliding-window or hybrid caches keep
        # their own (correct, if slower) bookkeeping.
        if wanted and layers and all(type(layer) is DynamicLayer for layer in layers):
            cache.layers = [self._layer_cls(capacity) for _ in layers]
        return cache

    def _forward(self, ids: Tensor, mask: Tensor, positions: Tensor, cache) -> Tensor:
        out = self.model(
            input_ids=ids, attention_mask=mask, position_ids=positions, use_cache=True,
            logits_to_keep=1, **{self._cache_arg: cache},
        )  # fmt: skip
        return out.logits[:, -1].float()

    def _prefill(self, prompts: Sequence[Sequence[int]], n: int, new_tokens: int) -> _Batch:
        """Each prompt once, then its cache and next-token logits repeated for its n rows."""
        device, P = self.device, len(prompts)
        L = max(len(p) for p in prompts)
        ids = torch.full((P, L), self.pad_id, dtype=torch.long)
        mask = torch.zeros(P, L, dtype=torch.long)
        for i, p in enumerate(prompts):
            ids[i, L - len(p) :] = torch.tensor(p, dtype=torch.long)
            mask[i, L - len(p) :] = 1
        ids, mask = ids.to(device), mask.to(device)
        positions = (mask.cumsum(1) - 1).clamp(min=0)
        cache = self._new_cache(L + new_tokens)
        logits = self._forward(ids, mask, positions, cache)  # [P, V]
        cache.batch_repeat_interleave(n)
        full = torch.zeros(P * n, L + new_tokens, dtype=torch.long, device=device)
        full[:, :L] = mask.repeat_interleave(n, 0)
        start = mask.sum(1).repeat_interleave(n)
        return _Batch(cache, logits.repeat_interleave(n, 0), full, start, L)

    def _step(self, batch: _Batch, tok: Tensor, t: int) -> None:
        """Feed token t of every row; batch.logits becomes the logits for token t+1."""
        L = batch.width
        batch.mask[:, L + t] = 1
        positions = (batch.start + t)[:, None]
        batch.logits = self._forward(
            tok[:, None], batch.mask[:, : L + t + 1], positions, batch.cache
        )

    def _ended(
        self, tok: Tensor, eos: Tensor, history: Tensor, rows: Tensor, candidates: Tensor,
        stop: StopCheck | None, stop_marks: Tensor | None,
    ) -> Tensor:  # fmt: skip
        """[B] bool: the row's sample ends with `tok`: one of `eos` (the end ids, on the
        device once per decode), or `stop` says so about the row's tokens so far (batch row
        b's are history[rows[b]])."""
        ended = torch.isin(tok, eos)
        if stop is not None and stop_marks is not None:
            check = candidates & ~ended & stop_marks[tok]
            for r in check.nonzero().squeeze(1).tolist():
                ended[r] = stop(history[int(rows[r])].tolist())
        return ended

    @torch.inference_mode()
    def decode(
        self,
        prompts: Sequence[Sequence[int]],
        n: int,
        config: SamplingConfig,
        uniforms: Tensor | None = None,
        banned: Sequence[int] = (),
        stop: StopCheck | None = None,
        stop_marks: Tensor | None = None,
        min_new_tokens: int = 0,
    ) -> Decoded:
        """`n` samples of each prompt (token ids, unpadded); rows r*n..r*n+n-1 are prompt
        r's. `uniforms` [P*n, max_new_tokens] drive the sampling as in FastT5.decode (row r
        at step t draws with uniforms[r, t]); not needed when greedy. `stop` is asked about
        a live row whose new token is marked in `stop_marks` [V]. `min_new_tokens` forbids
        EOS before that many tokens (benchmarks use it)."""
        P, T = len(prompts), config.max_new_tokens
        greedy = config.temperature == 0
        if not greedy and (uniforms is None or uniforms.shape != (P * n, T)):
            raise ValueError(f"sampling needs uniforms of shape {(P * n, T)}")
        batch = self._prefill(prompts, n, T)
        device = batch.logits.device
        u = None if greedy else uniforms.to(device)
        marks = None if stop_marks is None else stop_marks.to(device)
        eos = torch.tensor(self.eos_ids, device=device)
        out_tokens = torch.full((P * n, T), self.pad_id, dtype=torch.long, device=device)
        out_lp = torch.zeros(P * n, T, device=device)
        out_len = torch.zeros(P * n, dtype=torch.long, device=device)
        finished = torch.zeros(P * n, dtype=torch.bool, device=device)
        rows = torch.arange(P * n, device=device)  # the output row of each batch row
        alive = torch.ones(P * n, dtype=torch.bool, device=device)
        V = batch.logits.shape[-1]
        seen = None
        if config.repetition_penalty != 1.0:  # the program's own tokens, not the prompt's
            seen = torch.zeros(P * n, V, dtype=torch.bool, device=device)
        eos_forbidden = [*banned, *self.eos_ids]
        for t in range(T):
            logits = batch.logits
            forbid = eos_forbidden if t < min_new_tokens else banned
            processed = process_logits(logits, config, seen, forbid)
            if greedy:
                tok = processed.argmax(-1)
            else:
                tok = sample_tokens(processed, config.temperature, u[rows, t])
            tok = torch.where(alive, tok, self.pad_id)
            lp = logits.log_softmax(-1).gather(1, tok[:, None]).squeeze(1)
            live_rows = rows[alive]
            out_tokens[live_rows, t] = tok[alive]
            out_lp[live_rows, t] = lp[alive]
            out_len[live_rows] = t + 1
            ended = self._ended(tok, eos, out_tokens[:, : t + 1], rows, alive, stop, marks) & alive
            finished[rows[ended]] = True
            alive = alive & ~ended
            if seen is not None:
                seen[torch.arange(len(tok), device=device), tok] |= alive
            if t == T - 1 or not alive.any():
                break
            if int(alive.sum()) <= (1 - _COMPACT_AT) * len(alive):
                keep = alive.nonzero().squeeze(1)  # rows are independent: keep only live ones
                batch.cache.batch_select_indices(keep)
                batch.mask, batch.start = batch.mask[keep], batch.start[keep]
                rows, alive, tok = rows[keep], alive[keep], tok[keep]
                seen = None if seen is None else seen[keep]
            self._step(batch, tok, t)
        return Decoded(out_tokens.cpu(), out_lp.cpu(), out_len.cpu(), finished.cpu())

    @torch.inference_mode()
    def decode_distinct(
        self,
        prompts: Sequence[Sequence[int]],
        n: int,
        config: SamplingConfig,
        generators: Sequence[torch.Generator],
        banned: Sequence[int] = (),
        stop: StopCheck | None = None,
        stop_marks: Tensor | None = None,
    ) -> Decoded:
        """`n` distinct samples of each prompt, without replacement: a stochastic beam of
        width n per prompt over the shared prefill (swor.py), beams reordered in the cache.
        Row r*n + j is prompt r's j-th sample in the order drawn; only when the sampling
        distribution has fewer than n sequences are some repeated. `generators` [P]: prompt
        r's Gumbel noise comes from generators[r] alone."""
        P, T = len(prompts), config.max_new_tokens
        if not config.temperature > 0:
            raise ValueError("sampling without replacement needs a temperature > 0")
        if len(generators) != P:
            raise ValueError(f"need one generator per prompt ({P}), not {len(generators)}")
        batch = self._prefill(prompts, n, T)
        device = batch.logits.device
        V = batch.logits.shape[-1]
        marks = None if stop_marks is None else stop_marks.to(device)
        eos = torch.tensor(self.eos_ids, device=device)
        # the beams' end marker: a finished beam is continued with it (select_beams)
        end_id = self.eos_ids[0] if self.eos_ids else -1
        tokens = torch.full((P * n, T), self.pad_id, dtype=torch.long, device=device)
        token_lp = torch.zeros(P * n, T, device=device)
        length = torch.zeros(P * n, dtype=torch.long, device=device)
        ended = torch.zeros(P * n, dtype=torch.bool, device=device)
        log_prob = torch.zeros(P, n, device=device)
        score = torch.full((P, n), float("-inf"), device=device)
        score[:, 0] = 0.0  # one beam to start from: the others would be its copies
        alive = score > float("-inf")
        seen = None
        if config.repetition_penalty != 1.0:
            seen = torch.zeros(P * n, V, dtype=torch.bool, device=device)
        base = torch.arange(P, device=device)[:, None] * n
        for t in range(T):
            logits = batch.logits
            processed = process_logits(logits, config, seen, banned)
            step_lp = (processed / config.temperature).log_softmax(-1).view(P, n, V)
            noise = torch.stack([torch.rand(n, V, generator=g) for g in generators]).to(device)
            beams = select_beams(log_prob, score, alive, step_lp, noise, end_id, self.pad_id)
            src = (base + beams.parent).view(-1)
            tok = beams.token.view(-1)
            grew = alive.view(-1)[src]  # the parent was live: this step added a token
            raw_lp = logits.log_softmax(-1)[src, tok]
            if not torch.equal(src, torch.arange(P * n, device=device)):
                batch.cache.reorder_cache(src)
            tokens, token_lp, length, ended = tokens[src], token_lp[src], length[src], ended[src]
            tokens[:, t] = torch.where(grew, tok, self.pad_id)
            token_lp[:, t] = torch.where(grew, raw_lp, 0.0)
            length = length + grew.long()
            if seen is not None:
                seen = seen[src]
                seen[torch.arange(P * n, device=device), tokens[:, t]] |= grew
            every = torch.arange(P * n, device=device)
            stopped = self._ended(tok, eos, tokens[:, : t + 1], every, grew, stop, marks) & grew
            ended = ended | stopped
            log_prob, score = beams.log_prob, beams.score
            alive = beams.alive & ~stopped.view(P, n)
            if t == T - 1 or not alive.any():
                break
            self._step(batch, tokens[:, t], t)
        # beams are sorted best first; a prompt with fewer than n real beams repeats them
        real = (score > float("-inf")).sum(1, keepdim=True).clamp(min=1)
        pick = (base + torch.arange(n, device=device)[None, :] % real).view(-1)
        return Decoded(
            tokens[pick].cpu(), token_lp[pick].cpu(), length[pick].cpu(), ended[pick].cpu()
        )
