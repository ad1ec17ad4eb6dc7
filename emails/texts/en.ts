import type { Catalogue } from "./types";

/** Every word of every mail, in plain English. The meeting's own title, venue and text stay as written. */
export const en: Catalogue = {
  org: "Røros kommune",
  greeting: "Hello {name},",
  people: { one: "{count} person", other: "{count} people" },
  days: { one: "{count} day", other: "{count} days" },

  "detail.when": "When",
  "detail.where": "Where",
  "detail.map": "show on map",
  "detail.accessibility": "Accessibility",
  "detail.practical": "Good to know",
  "detail.status": "Status",
  "detail.partySize": "Number of people",
  "detail.waitlistPosition": "Place on the waiting list",
  "detail.waitlistNumber": "Number {position}",
  agenda: "What happens at the meeting",

  "checkIn.heading": "Check-in",
  "checkIn.alt": "QR code for check-in, code {code}",
  "checkIn.text": "Show the QR code at the door, or say the code {code}.",
  "checkIn.filename": "check-in.png",

  "calendar.attached":
    "The invitation is attached to this email, so you can add the meeting to your calendar.",
  "calendar.updateAttached":
    "The invitation is attached to this email, so your calendar gets the new details.",
  "calendar.cancelAttached":
    "The cancellation is attached to this email, so the meeting can be removed from your calendar.",
  "calendar.links": "Add to calendar:",
  "calendar.icsFile": ".ics file",
  "calendar.inviteFilename": "invitation.ics",
  "calendar.cancelFilename": "cancellation.ics",

  "manage.text":
    "With your personal link you can see your sign-up, change the number of people or cancel it. Do not share the link with anyone.",
  "manage.button": "See or change your sign-up",
  "manage.rejoinText":
    "If you change your mind, you can sign up again with your personal link while sign-up is open. Do not share the link with anyone.",
  "manage.rejoinButton": "See your sign-up or sign up again",

  "footer.contact": "Questions about the meeting? Contact {contact}.",
  "footer.privacy": "We use this information only to plan the meeting, and delete it afterwards.",
  "footer.privacyDays":
    "We use this information only to plan the meeting, and delete it {days} after the meeting.",
  "footer.automatic": "This email was sent automatically.",
  "footer.more": "More about the meeting: {url}",

  "registration.subject.confirmed": "Signed up: {title}",
  "registration.subject.waitlisted": "Waiting list: {title}",
  "registration.subject.promoted": "You have a place: {title}",
  "registration.subject.updated": "Sign-up changed: {title}",
  "registration.subject.cancelled": "Sign-up cancelled: {title}",
  "registration.subject.link": "The link to your sign-up: {title}",
  "registration.heading.confirmed": "You are signed up",
  "registration.heading.waitlisted": "You are on the waiting list",
  "registration.heading.promoted": "You have a place",
  "registration.heading.updated": "Your sign-up has changed",
  "registration.heading.cancelled": "Your sign-up is cancelled",
  "registration.heading.link": "The link to your sign-up",
  "registration.status.confirmed": "Signed up",
  "registration.status.waitlisted": "On the waiting list",
  "registration.status.cancelled": "Cancelled",
  "registration.preview.confirmed": "You are signed up for {title}, {when}.",
  "registration.preview.waitlisted": "You are on the waiting list for {title}.",
  "registration.preview.waitlistedAt": "You are number {position} on the waiting list for {title}.",
  "registration.preview.promoted": "A place came free: you are signed up for {title}, {when}.",
  "registration.preview.updated": "Your sign-up for {title} has changed.",
  "registration.preview.cancelled": "Your sign-up for {title} is cancelled.",
  "registration.preview.link": "The link to your sign-up for {title}. Nothing has changed.",
  "registration.intro.confirmed":
    "Thank you for signing up for {title}. We have kept places for {people}.",
  "registration.intro.waitlisted":
    "The meeting is full right now, so you are on the waiting list for {title}.",
  "registration.intro.waitlistedAt":
    "The meeting is full right now, so you are on the waiting list for {title} as number {position}.",
  "registration.intro.waitlistedNext":
    "If a place comes free, we will send you another email. You do not need to do anything until then.",
  "registration.intro.promoted":
    "A place has come free, and you have been moved off the waiting list. You are now signed up for {title} with places for {people}.",
  "registration.intro.updated": "Your sign-up for {title} has changed. This is how it stands:",
  "registration.intro.cancelled":
    "Your sign-up for {title}, {when}, is cancelled. Thank you for letting us know.",
  "registration.intro.link":
    "Someone, probably you, tried to sign up this email address for {title} again. The address was already signed up, so nothing has changed. This is how your sign-up stands:",
  "registration.intro.linkIgnore": "If you did not try to sign up, you can ignore this email.",

  "meeting.subject.changed": "Changed: {title}, {when}",
  "meeting.subject.cancelled": "Cancelled: {title}, {when}",
  "meeting.subject.restored": "Going ahead after all: {title}, {when}",
  "meeting.subject.reminder": "Reminder: {title}, {when}",
  "meeting.subject.message": "{subject} – {title}",
  "meeting.subject.messageDefault": "Message",
  "meeting.heading.changed": "The meeting has changed",
  "meeting.heading.cancelled": "The meeting is cancelled",
  "meeting.heading.restored": "The meeting is going ahead after all",
  "meeting.heading.reminder": "Reminder about the meeting",
  "meeting.heading.message": "Message about the meeting",
  "meeting.change.time": "New time: {after} (was {before})",
  "meeting.change.place": "New place: {after} (was {before})",
  "meeting.preview.changed": "{title} has changed: {changes}",
  "meeting.preview.cancelled": "{title}, {when}, is cancelled.",
  "meeting.preview.restored": "{title} is going ahead after all, {when}.",
  "meeting.preview.reminder": "{title} is on {when}.",
  "meeting.intro.changed": "{title} has changed:",
  "meeting.intro.changedWaitlisted":
    "You are still on the waiting list. If you get a place, we will send you another email.",
  "meeting.intro.changedConfirmed": "Your place still stands. You do not need to do anything.",
  "meeting.intro.cancelled": "{title}, {when}, is cancelled.",
  "meeting.intro.cancelledWaitlisted":
    "{title}, {when}, is cancelled. The waiting list no longer applies.",
  "meeting.intro.restored": "{title} is going ahead after all, {when}. Your place stands again.",
  "meeting.intro.restoredWaitlisted":
    "{title} is going ahead after all, {when}. You are on the waiting list again.",
  "meeting.intro.reminder": "Welcome to {title}, {when}. We have places for {people}.",
  "meeting.intro.reminderWaitlisted":
    "{title} is on {when}. You are still on the waiting list, so you do not have a place yet. If you get a place, we will send you another email.",
  "meeting.intro.reminderWaitlistedAt":
    "{title} is on {when}. You are still on the waiting list as number {position}, so you do not have a place yet. If you get a place, we will send you another email.",

  "questionReceipt.subject": "We have received your question: {title}",
  "questionReceipt.preview": "The link to your question about {title}.",
  "questionReceipt.heading": "Thank you for your question",
  "questionReceipt.intro":
    "You sent a question to {title}. The municipality reads it before it is published on the meeting page.",
  "questionReceipt.label": "What you wrote:",
  "questionReceipt.linkText":
    "With the link below you can see how your question is doing, change the text while it waits for moderation, and withdraw it. The link is yours: do not share it. When your question has been answered, or if we merge it with a similar question, you will get another email.",
  "questionReceipt.button": "See, change or withdraw your question",
  "questionReceipt.privacy":
    "We use your email address only to write to you about the question, and delete your name and address after the meeting.",
  "questionReceipt.privacyDays":
    "We use your email address only to write to you about the question, and delete your name and address {days} after the meeting.",

  "question.subject.answered": "Your question has been answered: {title}",
  "question.subject.merged": "Your question has been merged: {title}",
  "question.heading.answered": "Your question has been answered",
  "question.heading.merged": "Your question has been merged",
  "question.preview.answered": "Your question about {title} has been answered.",
  "question.preview.merged": "Your question has been merged with a similar question.",
  "question.intro.answered":
    "You sent a question about {title}. The municipality has now answered it.",
  "question.intro.merged":
    "You sent a question about {title}. Someone else asked the same thing, so we have merged the questions. The support your question had has been moved over, and we will tell you when it is answered.",
  "question.label.answered": "The question:",
  "question.label.merged": "The question it now belongs to:",
  "question.subject.private": "An answer to the question you sent privately: {title}",
  "question.heading.private": "An answer to your question",
  "question.preview.private":
    "The municipality has answered the question you sent privately about {title}.",
  "question.intro.private":
    "You sent a question privately to the municipality about {title}. The answer is for you only and is not shown publicly.",
  "question.label.private": "Your question:",
  "question.button.private": "See the question and the answer",
  "question.label.answer": "The answer:",
  "question.button.answered": "Read all the answers",
  "question.button.merged": "See the question",

  "caseConfirm.subject": "Confirm your subscription: {title}",
  "caseConfirm.preview": "Confirm that you want updates about {title}.",
  "caseConfirm.heading": "Confirm your subscription",
  "caseConfirm.text":
    "Someone, hopefully you, asked for an email when the municipality has news about “{title}”. Press the button to confirm. If you did not ask for this, you can ignore this email: we will not send you anything more.",
  "caseConfirm.button": "Yes, keep me updated",

  "caseUpdate.subject": "News about the case: {title}",
  "caseUpdate.lead": "News about “{title}”",
  "caseUpdate.more": "More about the case: {url}",
  "caseUpdate.why": "You are getting this email because you asked for updates. {unsubscribe}.",
  "caseUpdate.unsubscribe": "Unsubscribe",
  "archiveWarning.subject": "Archive before erasure: {title}",
  "archiveWarning.preview": "The personal data is erased on {date}.",
  "archiveWarning.heading": "The meeting is not archived",
  "archiveWarning.text":
    "The personal data of the attendees and askers of “{title}” is erased on {date}, and nobody has downloaded the archive package yet. Download it from the meeting's dashboard and file it before then.",
  "archiveWarning.button": "Open the meeting's dashboard",
  "detail.attendance": "Attending",
  "detail.online": "Online, streamed from {place}",
  "attendance.hall": "In the hall",
  "attendance.online": "Online",
  "online.heading": "Follow the meeting online",
  "online.link": "The stream: {url}",
  "online.dialIn": "Dial in: {dialIn}",
  "online.later": "The link to the stream comes {revealsAt}, by email and on your personal page.",
  "online.pending": "The link to the stream comes on your personal page before the meeting starts.",
  "online.ask": "Send questions during the meeting here: {url}",
  "calendar.online.location": "Online",
  "calendar.online.link": "The link to the stream: {url}",
  "calendar.online.later":
    "The link to the stream comes {revealsAt}, by email and on your personal page.",
  "meeting.subject.stream": "The link to the stream: {title}, {when}",
  "meeting.heading.stream": "The meeting starts soon",
  "meeting.preview.stream": "{title} starts {when}. Here is the link to the stream.",
  "meeting.intro.stream":
    "{title} starts {when}. You are signed up online, and here is the link to the stream.",
  "meeting.subject.recording": "Recording: {title}",
  "meeting.heading.recording": "The recording of the meeting",
  "meeting.preview.recording": "The recording of {title} is ready.",
  "meeting.intro.recording":
    "Thank you for signing up for {title}. You can watch the recording of the meeting here:",
  "meeting.recording": "Watch the recording: {url}",
};
