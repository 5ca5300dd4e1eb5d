/**
 * Internal: the random engine and PyTorch 1.13.1's CPU sampling algorithms, bit for bit.
 * {@link org.autograd4j.sampling.Mt19937} is the engine of PyTorch's {@code CPUGeneratorImpl} (MT19937, the
 * cached Box–Muller samples, PyTorch's state bytes); {@link org.autograd4j.sampling.Sampling} holds the
 * samplers ({@code uniform_}, {@code normal_}, {@code randint}, {@code randperm}, {@code bernoulli_},
 * {@code multinomial}, …), which write into storages; {@link org.autograd4j.sampling.Engines} maps a public
 * {@code Generator} to its engine. {@code module-info} does not export this package: the raw draws and caches
 * are not part of the API, the exported {@code org.autograd4j.random.Generator} is.
 *
 * <p>May import: {@code storage}, {@code math}, {@code DType}. Never {@code random}: Generator depends on
 * this package (it holds an engine), so the reverse arrow would be a cycle; {@code Engines} knows Generator
 * only as {@link java.lang.Object}. Callers that can name Generator ({@code ops.RandomOps}) resolve
 * {@code generator=None} to the default generator before asking for its engine.
 */
package org.autograd4j.sampling;
