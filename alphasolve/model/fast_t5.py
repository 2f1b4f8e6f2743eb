"""A fast sampling loop for T5ForConditionalGeneration, written on the model's weights.

Why not `generate(num_return_sequences=n)`: it copies the encoder output n times and every
copy computes its own cross-attention keys/values, which are then read at every step. Here:

1. the encoder runs once per prompt (P prompts);
2. cross-attention K/V are computed once per prompt and shared by its n samples: the n
   samples become the query axis of one [P, H, n, L] attention (no copies);
3. the self-attention K/V cache is preallocated for `max_new_tokens` (no torch.cat);
4. the relative position bias is a table by distance, sliced at each step;
5. rows that finished are dropped from the batch once enough of them have (compaction);
6. in bfloat16 mode the weight matmuls run in bf16 (and, on GPUs, the caches and attention
   too), while the residual stream, norms, softmaxes and logits stay float32.

The encoder is transformers' own (it runs once); the decoder step is reimplemented here.
The weights are copied (or cast) when a FastT5 is built: build a new one after training.

It depends on T5's architecture (pre-norm RMS layer norm without mean or bias, attention
without 1/sqrt(d) scaling, one relative position bias from the first layer of the stack,
ReLU or gated FF, output scaling by d_model^-0.5 for tied embeddings), not on transformers'
Cache API. tests/test_model_fast_t5.py checks it against a teacher-forced forward pass and
against greedy `generate()`.

Log-likelihoods are under the *temperature-1 model* distribution (raw logits, before the
repetition penalty, temperature, top-k or top-p): comparable across sampling settings and
with a teacher-forced score of the same program.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import Tensor

from alphasolve.model.decoding import Decoded, process_logits, sample_tokens
from alphasolve.model.sampler import SamplingConfig
from alphasolve.model.swor import select_beams

__all__ = ["Decoded", "FastT5", "is_supported", "process_logits", "sample_tokens"]

# Drop finished slots from the batch once that makes it at least this much smaller (each
# compaction copies the caches, so not after every finished row).
_COMPACT_AT = 0.25


def is_supported(model: object) -> bool:
    """Whether `model` has exactly the T5 layout this loop reimplements."""
    return type(model).__name__ == "T5ForConditionalGeneration"


@dataclass(frozen=True)
class _Layer:
    """One decoder block's weights; matrices in the compute dtype, norm weights float32."""

    self_norm: Tensor  # [d]
    self_qkv: Tensor  # [3*H*dk, d]: q, k and v in one matmul
    self_o: Tensor  # [d, H*dk]
    cross_norm: Tensor
    cross_q: Tensor  # [H*dk, d]
    cross_kv: Tensor  # [2*H*dk, d], applied once per prompt
    cross_o: Tensor
    ff_norm: Tensor
    ff_in: Tensor  # [d_ff, d], or [2*d_ff, d] for a gated FF (wi_0 stacked on wi_1)
    ff_out: Tensor  # [d, d_ff]


class FastT5:
    """Samples from one T5ForConditionalGeneration (in eval mode) in one dtype."""

    def __init__(self, model: torch.nn.Module, dtype: torch.dtype = torch.float32) -> None:
        if not is_supported(model):
            raise TypeError(
                f"FastT5 needs a T5ForConditionalGeneration, not {type(model).__name__}"
            )
        cfg = model.config
        self.model = model
        self.dtype = dtype  # of the weight matmuls
        # Attention reads the caches at every step (memory-bound). CPU bf16 batched matmuls
        # copy the strided cache slices first (measured: no faster than float32 caches), so
        # caches and attention stay float32 on CPUs and take the dtype on GPUs.
        on_gpu = model.lm_head.weight.device.type == "cuda"
        self.attn_dtype = dtype if on_gpu else torch.float32
        self.heads, self.d_kv = cfg.num_heads, cfg.d_kv
        self.eps = cfg.layer_norm_epsilon
        self.gated = bool(cfg.is_gated_act)
        decoder = model.decoder
        first_ff = decoder.block[0].layer[2].DenseReluDense
        self.act: Callable[[Tensor], Tensor] = first_ff.act
        self.embed = decoder.embed_tokens.weight.detach().float()  # row lookups: no cast needed
        self.layers = [self._layer(block) for block in decoder.block]
        self.final_norm = decoder.final_layer_norm.weight.detach().float()
        # transformers 5 names it scale_decoder_outputs; older configs say tie_word_embeddings.
        scale = getattr(cfg, "scale_decoder_outputs", getattr(cfg, "tie_word_embeddings", True))
        self.out_scale = cfg.d_model**-0.5 if scale else 1.0
        self.lm_head = model.lm_head.weight.detach().to(dtype)
        bias = decoder.block[0].layer[0].SelfAttention.relative_attention_bias
        self.rel_bias = bias.weight.detach().float()  # [num_buckets, H]
        self.num_buckets = cfg.relative_attention_num_buckets
        self.max_distance = cfg.relative_attention_max_distance
        self.pad_id = cfg.pad_token_id
        self.eos_id = cfg.eos_token_id if isinstance(cfg.eos_token_id, int) else cfg.eos_token_id[0]
        self.start_id = cfg.decoder_start_token_id
        if self.start_id is None:
            self.start_id = self.pad_id

    def _layer(self, block: torch.nn.Module) -> _Layer:
        def w(linear: torch.nn.Module) -> Tensor:
            return linear.weight.detach()

        sa, ca, ff = block.layer[0], block.layer[1], block.layer[2]
        dense = ff.DenseReluDense
        ff_in = torch.cat([w(dense.wi_0), w(dense.wi_1)]) if self.gated else w(dense.wi)
        return _Layer(
            self_norm=sa.layer_norm.weight.detach().float(),
            self_qkv=torch.cat(
                [w(sa.SelfAttention.q), w(sa.SelfAttention.k), w(sa.SelfAttention.v)]
            ).to(self.dtype),
            self_o=w(sa.SelfAttention.o).to(self.dtype),
            cross_norm=ca.layer_norm.weight.detach().float(),
            cross_q=w(ca.EncDecAttention.q).to(self.dtype),
            cross_kv=torch.cat([w(ca.EncDecAttention.k), w(ca.EncDecAttention.v)]).to(self.dtype),
            cross_o=w(ca.EncDecAttention.o).to(self.dtype),
            ff_norm=ff.layer_norm.weight.detach().float(),
            ff_in=ff_in.to(self.dtype),
            ff_out=w(dense.wo).to(self.dtype),
        )

    # -- pieces of one decoder step -------------------------------------------------------

    def _norm(self, h: Tensor, weight: Tensor, scale: float = 1.0) -> Tensor:
        """T5's RMS norm (no mean, no bias), in float32, cast for the next matmul."""
        h = h * torch.rsqrt(h.pow(2).mean(-1, keepdim=True) + self.eps)
        h = weight * h
        return (h * scale if scale != 1.0 else h).to(self.dtype)

    def _position_bias(self, steps: int) -> Tensor:
        """[H, steps]: entry steps-1-j is the bias for a key j tokens behind the query.

        T5's causal buckets: distances below num_buckets/2 get their own bucket, longer ones
        share logarithmically wider buckets up to max_distance. Same float32 arithmetic as
        the reference implementation, so the bucket edges agree.
        """
        distance = torch.arange(steps - 1, -1, -1, device=self.rel_bias.device)
        exact = self.num_buckets // 2
        log_ratio = torch.log(distance.clamp(min=1).float() / exact) / math.log(
            self.max_distance / exact
        )
        far = (exact + (log_ratio * (self.num_buckets - exact)).long()).clamp(
            max=self.num_buckets - 1
        )
        bucket = torch.where(distance < exact, distance, far)
        return self.rel_bias[bucket].T.contiguous()

    def _ff(self, x: Tensor, layer: _Layer) -> Tensor:
        hidden = F.linear(x, layer.ff_in)
        if self.gated:
            gate, linear = hidden.chunk(2, dim=-1)
            hidden = self.act(gate) * linear
        else:
            hidden = self.act(hidden)
        return F.linear(hidden, layer.ff_out)

    # -- the loop --------------------------------------------------------------------------

    @torch.inference_mode()
    def decode(
        self,
        input_ids: Tensor,
        attention_mask: Tensor,
        n: int,
        config: SamplingConfig,
        uniforms: Tensor | None = None,
        min_new_tokens: int = 0,
        banned: Sequence[int] = (),
    ) -> Decoded:
        """`n` samples for each of the P prompts in `input_ids` [P, L] (right-padded).

        `uniforms` [P*n, max_new_tokens] in [0, 1) drive the sampling (inverse CDF): row r
        at step t draws with uniforms[r, t], so a row's sample does not depend on what else
        is in the batch. Not needed when config.temperature == 0 (greedy).
        `min_new_tokens` forbids EOS before that many tokens (benchmarks use it).
        `banned` token ids are never drawn (placeholders the statement does not define).
        """
        P, T = input_ids.shape[0], config.max_new_tokens
        greedy = config.temperature == 0
        if not greedy and (uniforms is None or uniforms.shape != (P * n, T)):
            raise ValueError(f"sampling needs uniforms of shape {(P * n, T)}")
        state = self._start(input_ids, attention_mask, n, config)
        device = state.token.device
        u = None if greedy else uniforms.to(device)  # indexed by output row, never compacted
        pos_bias = self._position_bias(T)  # [H, T]; step t uses the last t+1 columns
        out_tokens = torch.full((P * n, T), self.pad_id, dtype=torch.long, device=device)
        out_lp = torch.zeros(P * n, T, dtype=torch.float32, device=device)

        for t in range(T):
            logits = self._step(state, t, pos_bias[None, :, None, T - 1 - t :])  # [B, V]
            forbid = [*banned, self.eos_id] if t < min_new_tokens else banned
            processed = process_logits(logits, config, state.seen, forbid)
            rows, live = state.rows.view(-1), state.alive.view(-1)  # [B] each
            if greedy:
                tok = processed.argmax(-1)
            else:
                tok = sample_tokens(processed, config.temperature, u[rows, t])
            tok = torch.where(live, tok, self.pad_id)  # finished rows emit pad
            lp = logits.log_softmax(-1).gather(1, tok[:, None]).squeeze(1)  # [B], T=1 model
            out_tokens[rows, t] = tok
            out_lp[rows, t] = torch.where(live, lp, 0.0)
            state.advance(tok, self.eos_id)
            if not state.alive.any():
                break
            state.compact_if_sparse(filled=t + 1)

        return self._decoded(out_tokens, out_lp)

    @torch.inference_mode()
    def decode_distinct(
        self,
        input_ids: Tensor,
        attention_mask: Tensor,
        n: int,
        config: SamplingConfig,
        generators: Sequence[torch.Generator],
        min_new_tokens: int = 0,
        banned: Sequence[int] = (),
    ) -> Decoded:
        """`n` distinct samples for each of the P prompts, without replacement (swor.py):
        a stochastic beam search of width n per prompt. Row r*n + j is prompt r's j-th sample
        in the order drawn. Only when the sampling distribution has fewer than n sequences
        (a tiny top-k with short programs) are some repeated, to return n rows all the same.

        `generators` [P]: prompt r's Gumbel noise comes from generators[r] alone, so its
        samples do not depend on what else is in the batch. Other arguments as in `decode`.
        """
        P, T = input_ids.shape[0], config.max_new_tokens
        if not config.temperature > 0:
            raise ValueError("sampling without replacement needs a temperature > 0")
        if len(generators) != P:
            raise ValueError(f"need one generator per prompt ({P}), not {len(generators)}")
        state = self._start(input_ids, attention_mask, n, config)
        device = state.token.device
        V = self.lm_head.shape[0]
        pos_bias = self._position_bias(T)
        # Per slot, moved with the beams: the prefix's tokens and T=1 log-probabilities.
        tokens = torch.full((P * n, T), self.pad_id, dtype=torch.long, device=device)
        token_lp = torch.zeros(P * n, T, dtype=torch.float32, device=device)
        log_prob = torch.zeros(P, n, device=device)
        score = torch.full((P, n), float("-inf"), device=device)
        score[:, 0] = 0.0  # one beam to start from: the others would be its copies
        alive = score > float("-inf")
        prompts = torch.arange(P, device=device)  # the original prompt of each batch prompt
        out_tokens = torch.full((P * n, T), self.pad_id, dtype=torch.long, device=device)
        out_lp = torch.zeros(P * n, T, dtype=torch.float32, device=device)

        def retire(which: Tensor) -> None:
            """Write the beams of batch prompts `which` to their output rows."""
            for b in which.tolist():
                rows = torch.arange(n, device=device)
                real = int((score[b] > float("-inf")).sum())
                source = b * n + rows % max(real, 1)  # repeats only past the last real beam
                first = int(prompts[b]) * n
                out_tokens[first : first + n] = tokens[source]
                out_lp[first : first + n] = token_lp[source]

        for t in range(T):
            logits = self._step(state, t, pos_bias[None, :, None, T - 1 - t :])  # [B, V]
            forbid = [*banned, self.eos_id] if t < min_new_tokens else banned
            processed = process_logits(logits, config, state.seen, forbid)
            Pb = len(prompts)
            step_lp = (processed / config.temperature).log_softmax(-1).view(Pb, n, V)
            uniforms = torch.stack(
                [torch.rand(n, V, generator=generators[int(p)]) for p in prompts]
            ).to(device)
            beams = select_beams(
                log_prob, score, alive, step_lp, uniforms, self.eos_id, self.pad_id
            )  # fmt: skip
            src = (torch.arange(Pb, device=device)[:, None] * n + beams.parent).view(-1)
            tok = beams.token.view(-1)
            grew = alive.view(-1)[src]  # the parent was live: this step added a token
            raw_lp = logits.log_softmax(-1)[src, tok]  # under the T=1 model
            state.move_slots(src, filled=t + 1)
            tokens, token_lp = tokens[src], token_lp[src]
            tokens[:, t] = torch.where(grew, tok, self.pad_id)
            token_lp[:, t] = torch.where(grew, raw_lp, 0.0)
            state.token = tokens[:, t]
            if state.seen is not None:
                state.seen[torch.arange(len(tok), device=device), state.token] |= grew
            log_prob, score, alive = beams.log_prob, beams.score, beams.alive
            state.alive = alive
            finished = ~alive.any(1)
            if bool(finished.all()):
                break
            if bool(finished.any()):  # a prompt whose beams all ended cannot change
                retire(finished.nonzero().squeeze(1))
                keep = (~finished).nonzero().squeeze(1)
                slots = (keep[:, None] * n + torch.arange(n, device=device)).view(-1)
                state.keep(keep, slots, filled=t + 1)
                tokens, token_lp = tokens[slots], token_lp[slots]
                log_prob, score, alive = log_prob[keep], score[keep], alive[keep]
                prompts = prompts[keep]
        retire(torch.arange(len(prompts), device=device))

        return self._decoded(out_tokens, out_lp)

    def _decoded(self, tokens: Tensor, token_logprobs: Tensor) -> Decoded:
        """The rows' lengths (EOS included; the full width when a row never ended), on CPU."""
        ended = tokens == self.eos_id
        finished = ended.any(1)
        lengths = torch.where(finished, ended.int().argmax(1) + 1, tokens.shape[1])
        return Decoded(tokens.cpu(), token_logprobs.cpu(), lengths.cpu(), finished.cpu())

    def _start(
        self, input_ids: Tensor, attention_mask: Tensor, n: int, config: SamplingConfig
    ) -> _State:
        """Encode the prompts, compute their cross-attention K/V, allocate the caches."""
        device, dt, adt = self.embed.device, self.dtype, self.attn_dtype
        (P, L), T, H, dk = input_ids.shape, config.max_new_tokens, self.heads, self.d_kv
        # The encoder runs once per prompt, in float32 (once is cheap; every step reads it).
        mask = attention_mask.to(device)
        enc = self.model.encoder(input_ids=input_ids.to(device), attention_mask=mask)
        enc_h = enc.last_hidden_state.to(dt)  # [P, L, d]
        cross_k, cross_v = [], []
        for layer in self.layers:
            k, v = F.linear(enc_h, layer.cross_kv).to(adt).view(P, L, 2, H, dk).unbind(2)
            cross_k.append(k.permute(0, 2, 3, 1).contiguous())  # K^T [P, H, dk, L]
            cross_v.append(v.transpose(1, 2).contiguous())  # V [P, H, L, dk]
        seen = None
        if config.repetition_penalty != 1.0:
            seen = torch.zeros(P * n, self.lm_head.shape[0], dtype=torch.bool, device=device)
        # empty, not zeros: step t reads positions 0..t only, after writing t, so untouched
        # memory (programs that end early) is never even paged in
        return _State(
            cache_k=[torch.empty(P * n, H, T, dk, dtype=adt, device=device) for _ in self.layers],
            cache_v=[torch.empty(P * n, H, T, dk, dtype=adt, device=device) for _ in self.layers],
            cross_k=cross_k,
            cross_v=cross_v,
            cross_mask=(1.0 - mask[:, None, None, :].float()) * torch.finfo(torch.float32).min,
            rows=torch.arange(P * n, device=device).view(P, n),
            alive=torch.ones(P, n, dtype=torch.bool, device=device),
            token=torch.full((P * n,), self.start_id, dtype=torch.long, device=device),
            seen=seen,
        )

    def _step(self, s: _State, t: int, bias: Tensor) -> Tensor:
        """Logits [B, V] (float32) for the next token of every slot, given token t-1."""
        dt, adt = self.dtype, self.attn_dtype
        (P, n), H, dk = s.rows.shape, self.heads, self.d_kv
        B = P * n
        h = self.embed[s.token]  # [B, d] float32 residual stream
        for i, layer in enumerate(self.layers):
            # causal self-attention: write this step's k, v; attend over steps 0..t
            x = self._norm(h, layer.self_norm)
            qkv = F.linear(x, layer.self_qkv).to(adt).view(B, 3, H, dk)
            q, k, v = qkv.unbind(1)  # [B, H, dk] each
            s.cache_k[i][:, :, t] = k
            s.cache_v[i][:, :, t] = v
            keys = s.cache_k[i][:, :, : t + 1]  # [B, H, t+1, dk]
            values = s.cache_v[i][:, :, : t + 1]
            att = q[:, :, None] @ keys.transpose(-1, -2)  # [B, H, 1, t+1]; T5: no 1/sqrt(dk)
            att = (att.float() + bias).softmax(-1).to(adt)
            y = (att @ values).view(B, H * dk)
            h = h + F.linear(y.to(dt), layer.self_o).float()
            # cross-attention: a prompt's n samples are the query axis of its attention
            x = self._norm(h, layer.cross_norm)
            q = F.linear(x, layer.cross_q).to(adt).view(P, n, H, dk)
            q = q.transpose(1, 2)  # [P, H, n, dk]
            att = ((q @ s.cross_k[i]).float() + s.cross_mask).softmax(-1).to(adt)  # [P, H, n, L]
            y = (att @ s.cross_v[i]).transpose(1, 2).reshape(B, H * dk)
            h = h + F.linear(y.to(dt), layer.cross_o).float()
            # feed-forward
            h = h + self._ff(self._norm(h, layer.ff_norm), layer).float()
        x = self._norm(h, self.final_norm, self.out_scale)
        return F.linear(x, self.lm_head).float()


@dataclass
class _State:
    """The decoding batch: B = P*n slots laid out as [P prompts, n samples]."""

    cache_k: list[Tensor]  # per layer [B, H, T, dk]: self-attention keys, preallocated
    cache_v: list[Tensor]
    cross_k: list[Tensor]  # per layer [P, H, dk, L]: once per prompt, shared by its samples
    cross_v: list[Tensor]  # per layer [P, H, L, dk]
    cross_mask: Tensor  # [P, 1, 1, L]: 0, or a large negative number on padding
    rows: Tensor  # [P, n]: the output row each slot writes
    alive: Tensor  # [P, n]: slot has not emitted EOS
    token: Tensor  # [B]: the last token of each slot
    seen: Tensor | None  # [B, V]: tokens generated so far (repetition penalty)

    def advance(self, tok: Tensor, eos_id: int) -> None:
        self.alive = self.alive & (tok != eos_id).view(self.alive.shape)
        if self.seen is not None:
            self.seen[torch.arange(tok.shape[0], device=tok.device), tok] = True
        self.token = tok

    def compact_if_sparse(self, filled: int) -> None:
        """Drop finished slots once that shrinks the batch by _COMPACT_AT or more. A prompt's
        slots stay together, so a prompt keeps the largest live count among prompts;
        finished slots that remain as filler keep writing pad to their finished rows."""
        P, n = self.rows.shape
        if int(self.alive.sum()) > (1 - _COMPACT_AT) * P * n:
            return
        keep, order = _compaction(self.alive)
        if keep.numel() * order.shape[1] > (1 - _COMPACT_AT) * P * n:
            return
        slots = (keep[:, None] * n + order).view(-1)  # [B'] old slot of each new slot
        rows, alive = self.rows[keep].gather(1, order), self.alive[keep].gather(1, order)
        self.keep(keep, slots, filled)
        self.rows, self.alive = rows, alive

    def keep(self, prompts: Tensor, slots: Tensor, filled: int) -> None:
        """Keep only batch prompts `prompts` [P'] and slots `slots` [P'*n'] (old slot of
        each new one, grouped by prompt); `rows` and `alive` keep their first n' slots per prompt."""
        n = len(slots) // len(prompts)
        self.cache_k = [_take(c, slots, filled) for c in self.cache_k]
        self.cache_v = [_take(c, slots, filled) for c in self.cache_v]
        self.cross_k = [c[prompts] for c in self.cross_k]
        self.cross_v = [c[prompts] for c in self.cross_v]
        self.cross_mask = self.cross_mask[prompts]
        self.rows = self.rows[prompts, :n]
        self.alive = self.alive[prompts, :n]
        self.token = self.token[slots]
        self.seen = None if self.seen is None else self.seen[slots]

    def move_slots(self, source: Tensor, filled: int) -> None:
        """Slot i takes over slot source[i]'s self-attention cache (positions < filled) and
        seen tokens: beam search's reordering. Copies only the slots that change."""
        moved = (source != torch.arange(len(source), device=source.device)).nonzero()
        if not len(moved):
            return
        moved = moved.squeeze(1)
        origin = source[moved]
        for cache in (*self.cache_k, *self.cache_v):
            # the right side is gathered (copied) before any slot is overwritten
            cache[moved, :, :filled] = cache[origin, :, :filled]
        if self.seen is not None:
            self.seen[moved] = self.seen[origin]


def _take(cache: Tensor, slots: Tensor, filled: int) -> Tensor:
    """cache[slots], copying only the `filled` positions written so far."""
    out = cache.new_empty((len(slots), *cache.shape[1:]))
    out[:, :, :filled] = cache[slots, :, :filled]
    return out


def _compaction(alive: Tensor) -> tuple[Tensor, Tensor]:
    """Prompts with a live sample, and per prompt its slots with the live ones first,
    cut to the largest live count: ([P'], [P', n'])."""
    counts = alive.sum(1)
    keep = counts.nonzero().squeeze(1)
    order = torch.argsort((~alive[keep]).int(), dim=1, stable=True)[:, : int(counts.max())]
    return keep, order
