/**
 * English for citizens: every key a citizen can meet, in plain British English for a reader
 * who may not know Norway. Names of places, the municipality and the meeting's own texts stay
 * as the organiser wrote them. Organisers' pages stay in bokmål (see index.ts).
 */
import type { CitizenCatalogue } from "./index";
import { enOwnData } from "./en-own-data";
import { enOnline } from "./en-online";

export const en: CitizenCatalogue = {
  "site.name": "Public meetings in Røros Municipality",
  "site.owner": "Røros Municipality",
  "site.skipToContent": "Skip to main content",
  "site.footer.privacy": "Privacy",
  "site.footer.contact": "Questions about the meetings? Contact {name}:",
  "site.footer.phone": "phone",
  "site.footer.email": "email",
  "site.nav.label": "Main menu",
  "site.nav.meetings": "Meetings",

  "site.footer.accessibility": "Accessibility",
  "site.footer.statement": "Accessibility statement (uustatus.no)",
  "accessibility.title": "Accessibility",
  "accessibility.intro":
    "Everyone should be able to find the meetings, sign up and send questions, including with a screen reader, with the keyboard alone, with magnification, on a small phone or without JavaScript.",
  "accessibility.statementHeading": "The accessibility statement",
  "accessibility.statement":
    "{owner} publishes the accessibility statement for this service with the Norwegian Digitalisation Agency on uustatus.no, as the law requires.",
  "accessibility.statementLink": "Read the accessibility statement on uustatus.no (in Norwegian)",
  "accessibility.statementNotLinked": "The link to the statement has not been added here yet.",
  "accessibility.standardHeading": "What the service must meet",
  "accessibility.standard":
    "The service must meet WCAG 2.1 levels A and AA, as the Norwegian regulations on universal design of information and communication technology (ICT) require. This applies both to the pages for citizens and to the pages the organisers use.",
  "accessibility.howHeading": "How we test",
  "accessibility.how.axe":
    "Every time the code changes, automated tests go through the service in a real browser. The axe tool checks every page against the WCAG 2.1 A and AA rules, the organisers' pages included, in the states the tests reach, such as a form with errors. The tests fail if axe finds a single violation, or if a page has not been checked.",
  "accessibility.how.keyboard":
    "We test that you can sign up with the keyboard alone, and that the organisers can moderate questions and control the big screen with the keyboard alone.",
  "accessibility.how.noScript":
    "Signing up, changing, cancelling and asking questions are also tested with JavaScript turned off.",
  "accessibility.how.reflow":
    "Every page is tested at a width of 320 pixels, as on a small phone or at 400% magnification, and must not need sideways scrolling. Wide tables on the organisers' pages scroll in their own area.",
  "accessibility.gapsHeading": "What is not good enough yet",
  "accessibility.gap.manual":
    "No one who uses a screen reader or other assistive technology has tested the service yet, and it has not been audited by others. Automated tests find only some of the problems.",
  "accessibility.gap.languages":
    "Axe checks every page in Bokmål, but only some of them in Nynorsk and English.",
  "accessibility.gap.mail":
    "The emails the service sends, such as confirmations and reminders, are not checked with axe.",
  "accessibility.gap.ownTexts":
    "The organisers write the meeting description, programme and answers themselves, and make their own PDF attachments. The service does not check whether the texts are easy to understand or whether the attachments are accessible.",
  "accessibility.gap.wcag22":
    "The service has not been tested against the new requirements in WCAG 2.2.",
  "accessibility.gap.organiserNoScript":
    "The organisers' pages are only partly tested without JavaScript.",
  "accessibility.feedbackHeading": "Tell us if something does not work",
  "accessibility.feedback":
    "Is there something you cannot do, or something hard to use? Write to us. It helps if you say which page it is and what you used, such as a phone, a screen reader or magnification.",
  "accessibility.feedbackEmail": "Email:",
  "accessibility.feedbackSubject": "Accessibility of the public meeting pages",
  "accessibility.complaint":
    "If you get no answer, or are not satisfied with the answer, you can complain to the Norwegian Authority for Universal Design of ICT:",

  "index.title": "Upcoming public meetings",
  "index.intro":
    "Here you will find open meetings where the municipality gives information and answers questions. Everyone is welcome. Please sign up so we know how many people are coming.",
  "index.empty": "There are no upcoming meetings at the moment.",
  "index.seatsLeft": {
    zero: "Full – you can join the waiting list",
    one: "1 place left",
    other: "{count} places left",
  },
  "index.cancelled": "Cancelled",

  "meeting.when": "When",
  "meeting.where": "Where",
  "meeting.map": "Show on map",
  "meeting.mapNewWindow": "(external website)",
  "meeting.accessibility": "Accessibility",
  "meeting.about": "About the meeting",
  "meeting.agenda": "Programme",
  "meeting.themes": "Topics at the meeting",
  "meeting.seats": "Places",
  "meeting.seatsLeft": "{left} of {capacity} places are available.",
  "meeting.full":
    "The meeting is full. Sign up anyway to get a place on the waiting list, and we will email you if a place becomes free.",
  "meeting.contact": "Contact person",
  "meeting.calendar": "Add the meeting to your calendar (.ics)",
  "meeting.cancelled": "The meeting has been cancelled.",
  "meeting.past": "This meeting has already taken place.",
  "meeting.notOpenYet": "Registration opens on {when}.",
  "meeting.closed": "Registration is closed.",
  "meeting.notFound.title": "Meeting not found",
  "meeting.notFound.body":
    "We cannot find a meeting at this address. It may have moved, or the address may be mistyped.",

  "rsvp.heading": "Sign up",
  "rsvp.headingWaitlist": "Join the waiting list",
  "rsvp.intro": "It takes less than a minute. Fields marked (required) must be filled in.",
  "rsvp.required": "(required)",
  "rsvp.name": "Name",
  "rsvp.email": "Email",
  "rsvp.emailHint": "We will send your confirmation and a personal link to this address.",
  "rsvp.partySize": "How many people are coming?",
  "rsvp.partySizeHint": "Including yourself. At most {max}.",
  "rsvp.persons": { one: "{count} person", other: "{count} people" },
  "rsvp.needs": "Access needs (optional)",
  "rsvp.needs.accessibility": "Accessibility, for example wheelchair space or a hearing loop",
  "rsvp.needs.interpreter": "Interpreter (spoken or sign language)",
  "rsvp.needs.other": "Other",
  "rsvp.needsText": "Please describe what you need",
  "rsvp.needsTextHint": "Please do not write health details or other sensitive information here.",
  "rsvp.consent":
    "I have read the privacy notice and agree that my details are used to plan the meeting.",
  "rsvp.privacyLink": "Read the privacy notice",
  "rsvp.submit": "Sign me up",
  "rsvp.submitWaitlist": "Put me on the waiting list",
  "rsvp.honeypot": "Leave this field empty",
  "rsvp.errorSummary": {
    one: "There is 1 problem with the form",
    other: "There are {count} problems with the form",
  },
  "rsvp.errorFor": "{label}: {message}",
  "rsvp.spam": "The form could not be sent. Reload the page and try again.",
  "rsvp.rateLimited": {
    one: "You have sent many sign-ups in a short time. Wait one minute and try again.",
    other: "You have sent many sign-ups in a short time. Wait {count} minutes and try again.",
  },
  "rsvp.rateLimitedNetwork": {
    one: "Very many sign-ups are coming from the network you are on right now. Wait one minute and try again, or use mobile data instead of Wi-Fi.",
    other:
      "Very many sign-ups are coming from the network you are on right now. Wait {count} minutes and try again, or use mobile data instead of Wi-Fi.",
  },
  "rsvp.notOpen": "It is not possible to sign up for this meeting now.",

  "error.name.required": "Enter your name.",
  "error.name.tooLong": "Your name can have at most 100 characters.",
  "error.name.invalid": "Your name cannot contain line breaks or other control characters.",
  "error.email.required": "Enter your email address.",
  "error.email.invalid": "Enter a valid email address, for example name@example.com.",
  "error.partySize.invalid": "Choose how many people are coming.",
  "error.partySize.tooMany": "You can be at most {max} people per sign-up.",
  "error.partySize.noRoom": {
    one: "There is only room for 1 person in your sign-up now. Choose fewer, or cancel and sign up again to join the waiting list.",
    other:
      "There is only room for {count} people in your sign-up now. Choose fewer, or cancel and sign up again to join the waiting list.",
  },
  "error.needsText.tooLong": "The description can have at most 500 characters.",
  "error.needsText.invalid": "The description contains characters we cannot accept.",
  "error.consent.required": "You must accept the privacy notice to sign up.",
  "error.intent.unknown": "Unknown action.",

  "confirm.title.confirmed": "You are signed up",
  "confirm.title.waitlisted": "You are on the waiting list",
  "confirm.title.cancelled": "You are no longer signed up",
  "confirm.updatedBanner": "Your changes have been saved.",
  "confirm.position": "You are number {position} on the waiting list.",
  "confirm.summary": "Your sign-up",
  "confirm.meeting": "Meeting",
  "confirm.name": "Name",
  "confirm.email": "Email",
  "confirm.partySize": "Number of people",
  "confirm.needs": "Needs",
  "confirm.needsNone": "None given",
  "confirm.status": "Status",
  "confirm.status.confirmed": "Signed up",
  "confirm.status.waitlisted": "Waiting list, number {position}",
  "confirm.status.cancelled": "Cancelled",
  "confirm.calendar": "Add to calendar (.ics)",
  "confirm.checkInHeading": "Check-in",
  "confirm.checkInQrAlt": "QR code for check-in, code {code}",
  "confirm.checkInText": "Show the QR code at the door, or tell us your code:",
  "confirm.manageHeading": "Your personal link",
  "confirm.manageText":
    "Keep this link. With it you can see, change or cancel your sign-up. Do not share it with anyone.",
  "confirm.manageLabel": "Personal link",
  "confirm.changeHeading": "Change your sign-up",
  "confirm.save": "Save changes",
  "confirm.cancelHeading": "Can't come?",
  "confirm.cancelText":
    "Cancel your sign-up so that your place can go to someone on the waiting list.",
  "confirm.cancelLink": "Cancel my sign-up",
  "confirm.backToMeeting": "Go to the meeting page",

  "cancel.title": "Cancel your sign-up",
  "cancel.question": "Do you want to cancel your sign-up for “{title}”?",
  "cancel.waitlistNote":
    "If you change your mind, you can sign up again, but your place may have been taken by then.",
  "cancel.confirm": "Yes, cancel my sign-up",
  "cancel.back": "No, go back",
  "cancel.done": "We have sent you a confirmation by email.",

  "privacy.title": "Privacy",
  "privacy.intro":
    "Røros Municipality is the data controller for the information you give when you sign up for a public meeting.",
  "privacy.whatHeading": "What we store",
  "privacy.what":
    "Your name, email address, how many people are coming, whether you come to the hall or follow online, and any access needs you tell us about. We also store when you signed up, and a code derived from the network address you signed up from (not the address itself). Your browser gets a random code in a cookie, and with your sign-up we store only a checksum of it. This lets us spot and stop many sign-ups from the same place or the same browser without stopping a whole hall that shares one wireless network.",
  "privacy.whyHeading": "Why",
  "privacy.why":
    "The information is only used to plan the meeting: the number of places, the waiting list, access needs, reminders, and telling you if the meeting is changed or cancelled. The legal basis is your consent.",
  "privacy.whoHeading": "Who sees it",
  "privacy.who":
    "Only the municipal staff who organise the meeting. The information is not shared with anyone else and is not used for marketing.",
  "privacy.howLongHeading": "How long",
  "privacy.rightsHeading": "Your rights",
  "privacy.rights":
    "You have the right to see all the information we hold about you, to get it as a file, to have it corrected and to have it deleted. With the personal link in the email you can also change your sign-up or cancel it. You can also contact the municipality, and you can complain to the Norwegian Data Protection Authority (Datatilsynet).",
  "privacy.sensitive":
    "Please do not write health details or other sensitive information about yourself or others in the form.",

  "manage.notFound.title": "Sign-up not found",
  "manage.notFound.body":
    "The link does not work. Check that you have copied the whole link from the email.",

  "error.notFound.title": "Page not found",
  "error.notFound.body": "The page does not exist. Perhaps the address is mistyped?",
  "error.badRequest.title": "Something was wrong with the request",
  "error.tooMany.title": "Too many attempts",
  "error.server.title": "Something went wrong",
  "error.server.body": "An error occurred on our side. Please try again in a little while.",
  "error.backHome": "Go to the front page",

  "error.unsupportedType.title": "The form could not be read",
  "error.unsupportedType.body":
    "We only accept forms sent from the website. Go back, reload the page and send the form from there.",
  "error.brokenForm.title": "The form did not arrive in full",
  "error.brokenForm.body":
    "Something went wrong on the way, and we could not read the form. Reload the page and try again.",
  "error.tooLarge.title": "Too much content",
  "error.tooLarge.body":
    "What was sent was larger than we accept. Go back and try again with less content.",
  "error.methodNotAllowed.title": "This cannot be sent here",
  "error.methodNotAllowed.body": "This page does not accept forms. Go back and try again.",

  "error.forbidden.title": "No access",
  "error.forbidden": "You do not have access to this page.",
  "error.crossSite": "The request came from another website and was refused.",
  "error.busy.title": "Many people are logging in right now",
  "error.busy.body": "Wait a few seconds and try again.",

  "sent.title": "Check your email",
  "sent.body":
    "Thank you! We have sent an email to the address you entered. It tells you whether you have a place or are on the waiting list, and gives you a personal link where you can see, change or cancel your sign-up.",
  "sent.alreadyNote":
    "If that address was already signed up for this meeting, nothing has changed: you will get an email with the link to your existing sign-up instead.",
  "sent.noMail":
    "If you do not see the email within a few minutes, check your spam folder or contact the municipality.",

  "error.name.link": "Your name cannot contain a web address. Enter only your name.",
  "error.name.email":
    "Your name cannot contain an email address. Enter your email address in the email field.",
  "error.name.hidden":
    "Your name contains invisible characters (for example direction marks or zero-width characters). Please type your name again.",

  "rsvp.browserLimit": {
    zero: "You have already signed up many people for this meeting from this browser, so we cannot accept more sign-ups from here. Contact the municipality if more of you are coming.",
    one: "You have already signed up many people for this meeting from this browser. From here you can sign up at most 1 more person. Choose fewer, or contact the municipality if more of you are coming.",
    other:
      "You have already signed up many people for this meeting from this browser. From here you can sign up at most {count} more people. Choose fewer, or contact the municipality if more of you are coming.",
  },
  "rsvp.clientLimit": {
    zero: "Many people from the same network have already signed up for this meeting, so we cannot accept more sign-ups from here. Contact the municipality if more of you are coming.",
    one: "Many people from the same network have already signed up for this meeting. From here you can sign up at most 1 more person. Choose fewer, or contact the municipality if more of you are coming.",
    other:
      "Many people from the same network have already signed up for this meeting. From here you can sign up at most {count} more people. Choose fewer, or contact the municipality if more of you are coming.",
  },

  "confirm.cancelledRejoin":
    "You are no longer signed up. If you change your mind, you can sign up again here.",
  "confirm.cancelledByOrganiser":
    "The organisers have cancelled your sign-up. Contact the municipality if you think this is a mistake.",
  "confirm.cancelledClosed":
    "You are no longer signed up. It is not possible to sign up for this meeting now.",
  "confirm.rejoin": "Sign me up again",
  "confirm.rejoinedBanner": "You are signed up again. We have sent you a confirmation by email.",
  "confirm.rejoinedWaitlistBanner":
    "You are on the waiting list again, as number {position}. We have sent you an email.",

  "privacy.howLongDays":
    "Names, email addresses, phone numbers and what you wrote about your needs are deleted automatically {days} days after the meeting. We keep only the number of people who signed up. At the same time we delete the names and email addresses of those who sent questions; the questions and answers themselves remain.",
  "privacy.howLongUpdates":
    "If you ask for updates about the case, we keep your email address until you unsubscribe, but no longer than {days} days after the last update about the case (or after the meeting, if that is later). If you do not confirm, it is deleted along with the sign-ups. The emails we sent you are deleted along with the details they were about.",

  "questions.heading": "Questions for the meeting",
  "questions.askHeading": "Send a question",
  "questions.askTitle": "Send a question to {title}",
  "questions.askLink": "Send a question",
  "questions.askIntro":
    "You do not need to sign up to ask a question. Your question is anonymous unless you choose to show your name.",
  "questions.hallIntro":
    "Are you in the hall? Send your question here and it will go to the chair of the meeting.",
  "questions.note.heading": "Before you write",
  "questions.note.moderated":
    "The municipality reads every question before it appears on the website. We answer as many as we can at the meeting, and publish written answers afterwards.",
  "questions.note.privacy":
    "Do not write names or information about other people, for example about their health or family. Everyone has a right to privacy, and the municipality has a duty of confidentiality.",
  "questions.criteria.heading": "How we moderate",
  "questions.criteria.intro":
    "We publish questions that are about the case. We do not publish questions that",
  "questions.criteria.people":
    "name or point out other people, or say something about anyone's health or personal situation",
  "questions.criteria.hate":
    "contain harassment, threats, personal attacks or discriminatory words",
  "questions.criteria.offTopic": "are not about the case, or are advertising",
  "questions.criteria.duplicates":
    "We merge questions that ask the same thing, and add up their support. We may remove personal information from a question before it is published.",
  "questions.theme": "Topic",
  "questions.other": "Other",
  "questions.text": "Your question",
  "questions.textHint": "At most {max} characters.",
  "questions.counter": "{count} of {max} characters",
  "questions.counterOver": "{count} of {max} characters – {over} too many",
  "questions.name": "Name (optional)",
  "questions.showName": "Show my name with the question",
  "questions.showNameHint": "If you leave this unticked, only the municipality sees your name.",
  "questions.email": "Email (optional)",
  "questions.emailHint":
    "We will email you a receipt with the link to your question, and again when it has been answered or if we merge it with a similar question. We do not use the address for anything else.",
  "questions.submit": "Send the question",
  "questions.closed.past": "The meeting is over and no longer accepts questions.",
  "questions.closed.cancelled": "The meeting has been cancelled and does not accept questions.",
  "questions.closed.draft": "The meeting does not accept questions yet.",
  "questions.rateLimited": {
    one: "You have sent many questions in a short time. Wait one minute and try again.",
    other: "You have sent many questions in a short time. Wait {count} minutes and try again.",
  },
  "questions.rateLimitedNetwork": {
    one: "Very many questions are coming from the network you are on right now. Wait one minute and try again, or use mobile data instead of Wi-Fi.",
    other:
      "Very many questions are coming from the network you are on right now. Wait {count} minutes and try again, or use mobile data instead of Wi-Fi.",
  },
  "error.question.pendingLimit":
    "Very many questions from the network you are on are already waiting. Try again once the moderator has gone through them, or use mobile data instead of Wi-Fi.",

  "error.question.badForm": "The form did not arrive as it should. Go back and try again.",
  "error.question.required": "Enter your question.",
  "error.question.tooShort": "Your question must have at least {min} characters.",
  "error.question.tooLong": "Your question can have at most {max} characters.",
  "error.question.invalid": "The text cannot contain control characters.",
  "error.question.theme": "Choose a topic.",
  "error.question.closed": "The meeting is not accepting questions now.",
  "error.question.notPending": "The question has already been processed, so it cannot be changed.",
  "error.question.notFound": "Question not found.",
  "error.question.notApproved": "The question has not been published.",

  "receipt.title": "Your question",
  "receipt.sent":
    "Thank you! Your question has been sent. It will appear on the meeting page once the municipality has read it.",
  "receipt.mailed": "We have also sent the link to the email address you gave.",
  "receipt.saved": "Your change has been saved.",
  "receipt.withdrawn": "Your question has been withdrawn.",
  "receipt.status": "Status",
  "receipt.status.pending": "Waiting for moderation",
  "receipt.status.approved": "Published",
  "receipt.status.rejected": "Not published",
  "receipt.status.withdrawn": "Withdrawn",
  "receipt.status.merged": "Merged with a similar question",
  "privacy.kind.nationalId": "National identity number (fødselsnummer or D-nummer)",
  "privacy.kind.phone": "Phone number",
  "privacy.kind.email": "Email address",
  "privacy.kind.address": "Street address",
  "privacy.kind.health": "Words about health or a diagnosis",
  "privacy.why.nationalId":
    "an identity number points to one particular person and must never be in a public question.",
  "privacy.why.phone": "a phone number can show who it is about.",
  "privacy.why.email": "an email address can show who it is about.",
  "privacy.why.address": "an address can show who lives there.",
  "privacy.why.health":
    "information about health is specially protected, and the municipality is bound by confidentiality about it.",
  "privacy.step.heading": "Check your question before you send it",
  "privacy.step.intro": "Your question seems to contain information about a person:",
  "privacy.step.why":
    "Published questions are public. The municipality is bound by confidentiality and cannot confirm or deny anything about individuals.",
  "privacy.step.choices":
    "You can reword the question, send it for moderation anyway (it may then be declined or reworded), or send it privately to the municipality.",
  "privacy.step.sendAnyway": "Send for moderation anyway",
  "privacy.step.sendPrivately": "Send privately to the municipality",
  "privacy.step.reword":
    "Want to reword it? Change the text in the field below and press “Send question” again.",
  "privacy.live.found": "The text seems to contain information about a person:",
  "privacy.live.hint":
    "This check happens only in your browser. Reword it, or choose to send the question privately.",
  "questions.private": "Send privately to the municipality",
  "questions.privateHint":
    "The question is never shown publicly. The municipality answers you by email, so you must give your email address.",
  "questions.criteriaLink": "How we moderate, and what happened to the questions",
  "moderation.heading": "What happened to the questions",
  "moderation.intro":
    "Numbers for this meeting. We never show the text of questions that were not published.",
  "moderation.received": "Received",
  "moderation.published": "Published",
  "moderation.merged": "Merged with a similar question",
  "moderation.answered": "Answered",
  "moderation.declined": "Not published: {reason}",
  "moderation.reason.personalData": "personal data",
  "moderation.reason.duplicate": "same as another question",
  "moderation.reason.offTopic": "not about the case",
  "moderation.reason.abusive": "hate or personal attacks",
  "moderation.reason.other": "other reason",
  "moderation.private":
    "Sent privately to the municipality and answered directly, never shown: {count}",
  "receipt.status.private": "Sent privately to the municipality – waiting for an answer",
  "receipt.status.privateAnswered": "Sent privately to the municipality – answered",
  "receipt.privateText":
    "You sent the question privately. It is never shown publicly, and the answer goes to you only.",
  "receipt.reason": "Reason",
  "error.question.privateNeedsEmail":
    "Enter your email address: a private question is answered by email.",
  "error.question.private": "A private question cannot be published or merged.",
  "error.question.privacyUnconfirmed":
    "The question may contain personal data. Confirm that it was reworded, or that it holds no personal data, before it is published.",
  "error.question.privacyWarning": "The text seems to contain personal data.",
  "error.question.rejectCategory": "Choose why the question is not published.",
  "receipt.rejectedText":
    "The question was not published because it did not follow our guidelines. You are welcome to send a new question.",
  "receipt.mergedLink": "See the question it was merged with",
  "receipt.meeting": "Meeting",
  "receipt.theme": "Topic",
  "receipt.yourText": "What you wrote",
  "receipt.publicText": "As published",
  "receipt.answer": "Answer",
  "receipt.support": "Support",
  "receipt.linkHeading": "Your private link",
  "receipt.linkText":
    "Keep this link. With it you can see the status, change the text while the question is waiting for moderation, and withdraw it. Do not share it with anyone.",
  "receipt.editHeading": "Change your question",
  "receipt.editSubmit": "Save the change",
  "receipt.withdrawHeading": "Withdraw your question",
  "receipt.withdrawText": "The question is removed from the list and from the meeting.",
  "receipt.withdrawConfirm": "Yes, I want to withdraw my question",
  "receipt.withdrawSubmit": "Withdraw",
  "receipt.withdrawNotConfirmed":
    "Tick the box to confirm that you want to withdraw your question.",
  "receipt.notFound.title": "Question not found",
  "receipt.notFound.body": "The link is not valid. Check that you have the whole address.",
  "receipt.back": "Back to the meeting page",

  "list.title": "Questions: {title}",
  "list.heading": "Questions from residents",
  "list.empty": "No questions have been published yet.",
  "list.count": "Showing {shown} of {total} questions.",
  "list.sort": "Sort",
  "list.sort.support": "Most supported",
  "list.sort.newest": "Newest",
  "list.sort.agenda": "Chair's order",
  "list.themeFilter": "Topic",
  "list.allThemes": "All topics",
  "list.apply": "Show",
  "list.showMore": "Show more questions",
  "list.support": "I want to know this too",
  "list.supportFor": "I want to know this too: {text}",
  "list.supported": "You want to know this too",
  "list.supportCount": {
    one: "1 person wants to know this",
    other: "{count} people want to know this",
  },
  "list.askedBy": "Asked by {name}",
  "list.answered": "Answered",
  "list.answer": "Answer from the municipality",
  "list.nowAnswering": "The panel is now answering",
  "list.seeAll": "See all questions",
  "list.summary": "Summary of the meeting",
  "list.attachments": "Attachments",
  "list.supportThanks": "Thank you! Your support has been recorded.",
  "list.supportAlready": "You have already supported this question.",
  "list.supportRateLimited": "Too many clicks in a short time. Wait a little and try again.",
  "list.live.on": "The list updates by itself.",
  "list.live.off": "Reload the page to see the latest changes.",

  "hall.title": "Send a question from the hall",

  "subscribe.heading": "Keep me updated about the case",
  "subscribe.intro":
    "Get an email when the municipality has news about the case. You must confirm your address first, and you can unsubscribe with one click in every email.",
  "subscribe.email": "Your email address",
  "subscribe.submit": "Keep me updated",
  "subscribe.sent.title": "Check your email",
  "subscribe.sent.body":
    "If the address is correct, you will shortly get an email with a link. Click it to confirm. We send no updates until you have confirmed.",
  "subscribe.confirm.title": "Confirm your subscription",
  "subscribe.confirm.body": "Confirm that you want emails about the case “{title}”.",
  "subscribe.confirm.submit": "Yes, keep me updated",
  "subscribe.confirmed.title": "You will get updates",
  "subscribe.confirmed.body":
    "Thank you! You will get an email when the municipality has news about the case “{title}”.",
  "subscribe.invalid.title": "The link does not work",
  "subscribe.invalid.body":
    "The link is no longer valid. You can subscribe again from the meeting page.",
  "unsubscribe.title": "Unsubscribe from updates",
  "unsubscribe.body": "Do you want to stop getting emails about the case “{title}”?",
  "unsubscribe.submit": "Unsubscribe",
  "unsubscribe.done.title": "You have unsubscribed",
  "unsubscribe.done.body": "You will get no more emails about the case “{title}”.",
  "updates.heading": "Updates about the case",
  "privacy.questionsHeading": "Questions and updates about the case",
  "privacy.questions":
    "If you send a question, we store the text and the topic, and your name and email address if you give them. Your name is only shown if you tick the box for it. Only the municipality sees your email address, and we only use it to send you a receipt with the link to your question, and to tell you when it has been answered or merged with a similar question. When you send or support a question, your browser stores a random code in a cookie so that each person can only support a question once and cannot send very many questions; we store only a checksum of the code. While your question waits for moderation, we also store a code derived from the network address it came from (not the address itself); it is deleted once the question has been handled. If you ask for updates about the case, we store your email address. If you unsubscribe, we delete it.",

  "meeting.whatToBring": "Practical information",

  "calendar.add": "Add to calendar",
  "calendar.google": "Google Calendar",
  "calendar.outlook": "Outlook.com",
  "calendar.office365": "Office 365",
  "calendar.download": "Download calendar file (.ics)",
  "calendar.subscribe": "Subscribe to all the meetings in your calendar",
  "calendar.feedName": "Public meetings in Røros Municipality",

  "phase.running": "The meeting is on now.",
  "phase.draft": "The organisers have taken the meeting off the website for now.",
  "phase.draft.attendee": "Your sign-up is kept.",
  "phase.cancelled.public":
    "You can no longer sign up or send questions. If you have signed up, you need not do anything.",
  "phase.cancelled.attendee":
    "You need not do anything, and you need not cancel your sign-up. If you added the meeting to your calendar, you can delete it there.",
  "phase.cancelled.asker": "So your question will not be taken up at the meeting.",
  "phase.answers": "See the answers and the summary of the meeting",
  "confirm.title.meetingCancelled": "The meeting has been cancelled",
  "confirm.title.ended": "The meeting is over",
  "confirm.status.meetingCancelled": "Not valid, as the meeting has been cancelled",
  "confirm.status.waitlistedEnded": "Was on the waiting list",

  "language.label": "Language",
  "meeting.phone": "tel. {phone}",
  "privacy.languageHeading": "Choice of language",
  "privacy.language":
    "If you choose a language at the top of the page, your browser remembers the choice for a year in a cookie that holds only the language. Sign-ups, questions and subscriptions store the language they were sent in.",
  ...enOwnData,
  ...enOnline,
};
