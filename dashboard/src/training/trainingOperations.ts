/** GraphQL operations of the training loop and of meeting invitations outside the list convention (docs/training.md). */

const SESSION_FIELDS = `
      id
      topic
      startsAt
      venue
      provider
      capacity
      status
      invitedCount
      version`;

export const TRAINING_SESSION_INVITATIONS = /* GraphQL */ `
  query TrainingSessionInvitations($id: ID!) {
    trainingSession(id: $id) {
      id
      status
      invitations {
        id
        ngoId
        attended
        ngo {
          id
          name
        }
        need {
          id
          topic
          status
        }
      }
    }
  }
`;

export const INVITE_TO_TRAINING_SESSION = /* GraphQL */ `
  mutation InviteToTrainingSession($id: ID!, $needIds: [ID!]) {
    inviteToTrainingSession(id: $id, needIds: $needIds) {${SESSION_FIELDS}
    }
  }
`;

export const RECORD_TRAINING_ATTENDANCE = /* GraphQL */ `
  mutation RecordTrainingAttendance($id: ID!, $attendedNgoIds: [ID!]!) {
    recordTrainingAttendance(id: $id, attendedNgoIds: $attendedNgoIds) {${SESSION_FIELDS}
    }
  }
`;

export const MARK_TRAINING_NEEDS_MET = /* GraphQL */ `
  mutation MarkTrainingNeedsMet($id: ID!) {
    markTrainingNeedsMet(id: $id) {${SESSION_FIELDS}
    }
  }
`;

export const CANCEL_TRAINING_SESSION = /* GraphQL */ `
  mutation CancelTrainingSession($id: ID!) {
    cancelTrainingSession(id: $id) {${SESSION_FIELDS}
    }
  }
`;

/** The representative's own NGO's needs (its scope), latest year first. */
export const MY_TRAINING_NEEDS = /* GraphQL */ `
  query MyTrainingNeeds {
    trainingNeeds(limit: 100, sort: { field: "year", order: DESC }) {
      items {
        id
        topic
        audience
        urgency
        year
        status
        session {
          id
          topic
          startsAt
          venue
          provider
          status
          invitations {
            attended
          }
        }
      }
    }
  }
`;

export const DECLARE_TRAINING_NEED = /* GraphQL */ `
  mutation DeclareTrainingNeed($input: TrainingNeedDeclareInput!) {
    declareTrainingNeed(input: $input) {
      id
      status
    }
  }
`;

export const WITHDRAW_TRAINING_NEED = /* GraphQL */ `
  mutation WithdrawTrainingNeed($id: ID!) {
    withdrawTrainingNeed(id: $id) {
      id
    }
  }
`;

/** The training sessions the representative's NGO is invited to, with its own invitation. */
export const MY_TRAINING_SESSIONS = /* GraphQL */ `
  query MyTrainingSessions {
    trainingSessions(limit: 50, sort: { field: "startsAt", order: DESC }) {
      items {
        id
        topic
        startsAt
        venue
        provider
        status
        invitations {
          attended
        }
      }
    }
  }
`;

/** The meetings of the representative's NGO (its scope): invitations while planned, the record once held. */
export const MY_MEETINGS = /* GraphQL */ `
  query MyMeetings {
    meetings(limit: 50, sort: { field: "scheduledAt", order: DESC }) {
      items {
        id
        title
        status
        scheduledAt
        heldAt
        venue
        minutes
        attendance {
          ngoId
          reply
          replyName
          representativeName
        }
        agendaItems {
          id
          topic
        }
        resolutions {
          id
          text
          status
        }
      }
    }
  }
`;

export const REPLY_TO_MEETING_INVITATION = /* GraphQL */ `
  mutation ReplyToMeetingInvitation($meetingId: ID!, $attending: Boolean!, $attendeeName: String) {
    replyToMeetingInvitation(meetingId: $meetingId, attending: $attending, attendeeName: $attendeeName) {
      id
      reply
      replyName
    }
  }
`;
