/** Simulated happenings (sign-ins, mailbox accesses) before they are written as Microsoft JSON. */
package io.stormwatch.sim.event;
