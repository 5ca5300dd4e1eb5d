/**
 * {@code torch.nn}: built on the public API only, as a user's code would be ({@link org.autograd4j.nn.Init}
 * is {@code torch.nn.init}).
 *
 * <p>May import: the API package ({@code org.autograd4j}) and {@code random} (for {@code Generator}).
 */
package org.autograd4j.nn;
