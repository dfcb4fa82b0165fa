package org.medrelay.routes.api;

import org.medrelay.processors.access.Role;
import org.medrelay.processors.review.WorkItem;
import org.medrelay.processors.review.WorkQueue;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * What each role may do through the API (the README's "Access: API and console" has the same table):
 *
 * <pre>
 *                         front-desk                    billing   clinician   admin
 * work items (read, act)  FRONT_DESK SCHEDULING RECORDS BILLING   CLINICIAN   every queue, SUPERVISOR too
 * scorecard               yes                           yes       yes         yes
 * audit trail             -                             -         -           yes
 * error store, reprocess  -                             -         -           yes
 * </pre>
 *
 * An emergency (break-glass) grant opens every queue's items for reading and acting, never the audit trail or
 * the error store. Reassigning may send an item to any queue: routing work elsewhere is part of the job.
 */
final class Permissions {

    private static final Map<Role, Set<WorkQueue>> QUEUES = Map.of(
            Role.FRONT_DESK, EnumSet.of(WorkQueue.FRONT_DESK, WorkQueue.SCHEDULING, WorkQueue.RECORDS),
            Role.BILLING, EnumSet.of(WorkQueue.BILLING),
            Role.CLINICIAN, EnumSet.of(WorkQueue.CLINICIAN),
            Role.ADMIN, EnumSet.allOf(WorkQueue.class));

    private Permissions() {
    }

    static Set<WorkQueue> queuesOf(Caller caller) {
        return caller.breakGlass() ? EnumSet.allOf(WorkQueue.class) : QUEUES.get(caller.role());
    }

    static void requireQueue(Caller caller, WorkQueue queue) {
        if (!queuesOf(caller).contains(queue)) {
            throw ApiProblem.forbidden("The " + caller.role().code() + " role has no access to the "
                    + queue.code() + " queue");
        }
    }

    static void requireItem(Caller caller, WorkItem item) {
        requireQueue(caller, item.queue());
    }

    /** The audit trail and the error store: interface engineers and supervisors, not the front line. */
    static void requireAdmin(Caller caller, String what) {
        if (caller.role() != Role.ADMIN) {
            throw ApiProblem.forbidden(what + " is for the admin role");
        }
    }
}
