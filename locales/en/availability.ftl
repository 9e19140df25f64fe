# Living mentor availability: the monthly DM to each active mentor, its three answers, and the
# pause when nobody answered in time. $guild is the server's name; $by and $until are Unix
# times (Discord timestamps).
availability-ask = Hello! Are you still up for mentoring in **{ $guild }**? Your answer only decides whether you get new mentees: your current pairs carry on either way, and nobody is told. If you haven't answered by <t:{ $by }:F>, we'll stop giving you new mentees until you press **Yes, I'm in**.
availability-yes-button = Yes, I'm in
availability-pause-button = Pause a month
availability-step-back-button = Step back
availability-yes = Thank you! You stay available for new mentees in **{ $guild }**.
availability-back = Welcome back! You're available for new mentees in **{ $guild }** again.
availability-paused = Done: no new mentees in **{ $guild }** until <t:{ $until }:D>, then you're back by yourself. Your current pairs carry on. To come back sooner, press **Yes, I'm in**.
availability-stepped-back = Done: you won't get new mentees in **{ $guild }**. Your current pairs carry on; to end one, use `/pair end` in its channel. If you change your mind, press **Yes, I'm in**.
availability-unanswered = We didn't hear from you, so you won't get new mentees in **{ $guild }** for now. Your current pairs carry on. When you're ready for new mentees, press **Yes, I'm in**.
availability-not-a-mentor = You're not a mentor in that server any more, so there's nothing to change. To mentor again, use `/enrol mentor` there.
availability-same = That's your answer already. To change it, press one of the other buttons.
