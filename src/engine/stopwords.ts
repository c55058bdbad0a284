/** Question words: kept apart from content so "when" and "where" can tell entries apart. */
export const QUESTION_WORDS = new Set(['who', 'what', 'when', 'where', 'why', 'how', 'which']);

/**
 * Words that carry no topic in a chat question: function words, chatter aimed at the bot,
 * and fillers. A question made only of these has nothing to match.
 */
export const STOP_WORDS = new Set(
  `a an the and or but if of to in on at by for from with about into over as than then so
  is are was were be been being am do does did done doing have has had having will would shall should can could may might must
  i me my mine we us our you your yours he him his she her hers it its they them their theirs this that these those there here
  not no yes any some all just very really also too only still even ever again more most much many such
  what's whats who's whose whom
  please pls thanks thank thx hey hi hello yo ok okay lol lmao bro dude guys man hmm uh um like
  tell telling know knew explain say said says saying mean means meant guess wonder wondering think thought heard hear anyone someone somebody something thing things stuff
  bot question answer info details detail exactly actually basically quick quickly real whether either
  supposedly allegedly apparently reportedly literally honestly seriously anyway anyways btw though tho simply kinda sorta
  nah yeah yep nope lady woman guy guys person man dude fella folks people everyone everybody`
    .split(/\s+/)
    .filter(Boolean),
);
