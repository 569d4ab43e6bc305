/**
 * Benign activity: each user's active periods and token grants are planned up front; a cursor then
 * walks the plan in event time and yields sign-ins and mailbox reads one at a time.
 */
package io.stormwatch.sim.behaviour;
