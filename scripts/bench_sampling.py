"""Sampling throughput: our loops against `model.generate()`, same model, prompt, batch.

    python scripts/bench_sampling.py [--arch t5|causal] [--model DIR] [--samples 128] [--new-tokens 128]

--arch t5 (the default): the fast T5 loop. --arch causal: the shared-prefix KV loop
(kv_decode.py: one prefill per prompt, its cache repeated for the samples) against
`generate(num_return_sequences=n)`, which prefills every sample's copy of the prompt; without
--model on a random Llama-style model (alphasolve/model/tiny_causal.py, size small).

Without --model it builds a randomly initialised T5 of the default model's shape (d_model
256, d_ff 1024, 4+4 layers, 8 heads, vocab 2048); speed does not depend on the weights.
Every sample is forced to exactly --new-tokens tokens (EOS suppressed) so both ways do the
same work. --prompts prompts of --prompt-tokens tokens, --samples samples in all split
evenly among them (the sampler's work unit is 4 prompts x 16). Prints tokens/s and samples/s per way and dtype; the last line is
`ratio: X` = best fast tokens/s / best generate tokens/s.
"""

from __future__ import annotations

import argparse
import copy
import tempfile
import time
from pathlib import Path

import torch

from alphasolve.model.architecture import default_t5_config
from alphasolve.model.decoding import bf16_is_fast
from alphasolve.model.fast_t5 import FastT5
from alphasolve.model.sampler import SamplingConfig


def default_shape_model() -> torch.nn.Module:
    from transformers import T5ForConditionalGeneration

    torch.manual_seed(0)
    return T5ForConditionalGeneration(default_t5_config(2048)).eval()


def runners(model, prompt, mask, n: int, steps: int, temperature: float, with_generate: bool):
    """(way, dtype name) -> a function sampling `n` for each prompt once, warmed up."""
    config = SamplingConfig(temperature=temperature, max_new_tokens=steps)
    uniforms = torch.rand(len(prompt) * n, steps, generator=torch.Generator().manual_seed(1))
    out = {}
    for dtype in (torch.float32, torch.bfloat16):
        name = str(dtype).removeprefix("torch.")
        fast = FastT5(model, dtype)
        fast.decode(prompt[:1], mask[:1], 4, config, uniforms[:4], min_new_tokens=steps)  # warm-up
        out[("fast", name)] = lambda f=fast: f.decode(
            prompt, mask, n, config, uniforms, min_new_tokens=steps
        )
        if not with_generate:
            continue
        gen_model = model if dtype == torch.float32 else copy.deepcopy(model).to(dtype)
        kwargs = dict(
            input_ids=prompt,
            attention_mask=mask,
            do_sample=True,
            temperature=temperature,
            top_k=0,
            num_return_sequences=n,
            max_new_tokens=steps,
            min_new_tokens=steps,  # EOS suppressed: every sample has exactly `steps` tokens
        )

        def generate(m=gen_model, k=kwargs) -> None:
            with torch.inference_mode():
                m.generate(**k)

        generate(k=kwargs | {"num_return_sequences": 1})  # warm-up
        out[("generate", name)] = generate
    return out


def causal_model(model_dir: Path | None) -> torch.nn.Module:
    from transformers import AutoModelForCausalLM

    if model_dir is not None:
        return AutoModelForCausalLM.from_pretrained(model_dir, local_files_only=True).eval()
    from alphasolve.model.tiny_causal import make_tiny_causal

    with tempfile.TemporaryDirectory() as tmp:
        path = make_tiny_causal(Path(tmp), "llama", size="small")
        return AutoModelForCausalLM.from_pretrained(path, local_files_only=True).eval()


def causal_runners(model, prompt, n: int, steps: int, temperature: float, with_generate: bool):
    """Like `runners`, for a causal LM: the shared-prefix loop and generate(), per dtype."""
    from alphasolve.model.kv_decode import SharedPrefixDecoder

    config = SamplingConfig(temperature=temperature, max_new_tokens=steps)
    uniforms = torch.rand(len(prompt) * n, steps, generator=torch.Generator().manual_seed(1))
    rows = [row.tolist() for row in prompt]
    eos = model.config.eos_token_id
    dtypes = [torch.float32] + ([torch.bfloat16] if bf16_is_fast(fast_loop=False) else [])
    out = {}
    for dtype in dtypes:
        name = str(dtype).removeprefix("torch.")
        m = model if dtype == torch.float32 else copy.deepcopy(model).to(dtype)
        decoder = SharedPrefixDecoder(m, [eos], pad_id=0)
        decoder.decode(rows[:1], 4, config, uniforms[:4], min_new_tokens=steps)  # warm-up
        out[("shared", name)] = lambda d=decoder: d.decode(
            rows, n, config, uniforms, min_new_tokens=steps
        )
        if not with_generate:
            continue
        kwargs = dict(
            input_ids=prompt, attention_mask=torch.ones_like(prompt), do_sample=True,
            temperature=temperature, top_k=0, num_return_sequences=n, max_new_tokens=steps,
            min_new_tokens=steps, pad_token_id=0,
        )  # fmt: skip

        def generate(g=m, k=kwargs) -> None:
            with torch.inference_mode():
                g.generate(**k)

        generate(k=kwargs | {"num_return_sequences": 1})  # warm-up
        out[("generate", name)] = generate
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--arch", choices=("t5", "causal"), default="t5")
    parser.add_argument("--model", type=Path,
                        help="a saved model directory of --arch's kind (default: a random one)")  # fmt: skip
    parser.add_argument("--samples", type=int, default=128, help="samples in all (the batch)")
    parser.add_argument("--prompts", type=int, default=1, help="distinct prompts in the batch")
    parser.add_argument("--prompt-tokens", type=int, default=256)
    parser.add_argument("--new-tokens", type=int, default=128)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--temperature", type=float, default=0.5)
    parser.add_argument("--repeats", type=int, default=2, help="best of this many runs")
    parser.add_argument("--skip-generate", action="store_true", help="time only the fast loop")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)

    if args.arch == "causal":
        model = causal_model(args.model)
    elif args.model:
        from transformers import AutoModelForSeq2SeqLM

        model = AutoModelForSeq2SeqLM.from_pretrained(args.model, local_files_only=True).eval()
    else:
        model = default_shape_model()
    vocab = model.config.vocab_size
    gen = torch.Generator().manual_seed(0)
    prompt = torch.randint(3, vocab, (args.prompts, args.prompt_tokens), generator=gen)
    if args.arch == "t5":
        prompt[:, -1] = model.config.eos_token_id
    mask = torch.ones_like(prompt)
    n, steps = args.samples // args.prompts, args.new_tokens  # per prompt
    params = sum(p.numel() for p in model.parameters())
    print(
        f"model {params / 1e6:.1f} M params; {args.prompts} prompt(s) of {args.prompt_tokens} "
        f"tokens x {n} samples x "
        f"{steps} new tokens; {args.threads} threads; {args.arch} "
        f"({type(model).__name__}); dtype 'auto' picks bf16 for the fast loop: "
        f"{bf16_is_fast()}, for generate: {bf16_is_fast(fast_loop=False)}"
    )

    if args.arch == "causal":
        fns = causal_runners(model, prompt, n, steps, args.temperature, not args.skip_generate)
    else:
        fns = runners(model, prompt, mask, n, steps, args.temperature, not args.skip_generate)
    # Best of --repeats, the ways interleaved: on a shared machine a busy spell then
    # slows every way alike instead of one.
    best = dict.fromkeys(fns, float("inf"))
    for _ in range(args.repeats):
        for key, fn in fns.items():
            start = time.perf_counter()
            fn()
            best[key] = min(best[key], time.perf_counter() - start)
    total = n * args.prompts
    rates = {key: total * steps / seconds for key, seconds in best.items()}
    for (way, name), seconds in best.items():
        print(
            f"{way:<9}{name:<9} {rates[way, name]:8.0f} tokens/s {total / seconds:7.2f} samples/s"
        )
    if not args.skip_generate:
        best_fast = max(v for (way, _), v in rates.items() if way != "generate")
        best_generate = max(v for (way, _), v in rates.items() if way == "generate")
        print(
            f"like for like: the same model, prompts, batch, temperature and {steps} new tokens "
            f"(EOS suppressed) on both sides; best of {args.repeats} repeats, ways interleaved"
        )
        print("ratio = the fast loop's tokens/s / generate()'s, each at its faster dtype")
        print(f"ratio: {best_fast / best_generate:.2f}")


if __name__ == "__main__":
    main()
