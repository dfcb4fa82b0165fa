package org.medrelay.processors.review;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A workflow endpoint the test watches: what was released, for which item; it can be told to refuse. */
final class RecordingRelease implements DraftRelease {

    record Released(long workItemId, Draft draft) {
    }

    private final List<Released> released = new CopyOnWriteArrayList<>();
    private volatile boolean refusing;

    void refuse(boolean refuse) {
        this.refusing = refuse;
    }

    List<Released> released() {
        return released;
    }

    @Override
    public void release(WorkItem item, Draft draft) throws DraftReleaseException {
        if (refusing) {
            throw new DraftReleaseException("release to sftp://payer.example/outbox failed: test endpoint down");
        }
        released.add(new Released(item.id(), draft));
    }
}
