/**
 * Bad inputs generated from the operations, repeatable from a seed, and the check that
 * each is answered with a proper problem.
 */
@NullMarked
package io.murmur.reliability.badinput;

import org.jspecify.annotations.NullMarked;
