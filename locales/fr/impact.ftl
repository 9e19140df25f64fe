# Le bilan d'impact d'un cycle du programme (à la fin d'un cycle, /programme report,
# tandem report) : une image d'une page, du Markdown et un CSV pour les financeurs du programme.
# $name est le nom du cycle ; $from, $to, $end et $date sont des dates écrites.
impact-title = { $name } : bilan d'impact
impact-span =
    { $weeks ->
        [one] Du { $from } au { $to } · 1 semaine
       *[other] Du { $from } au { $to } · { $weeks } semaines
    }
impact-span-running = Du { $from } au { $to } pour l'instant · le cycle se termine le { $end }
impact-made = Établi par tandem le { $date }.
impact-footnote = Les chiffres du pouls et du questionnaire de fin ne s'affichent qu'à partir de { $min } réponses, et les commentaires ne portent aucun nom. Les semaines vont du lundi au dimanche (UTC).
impact-days =
    { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    }
impact-none = –
impact-section-glance = En bref
impact-glance-people =
    { $people ->
        [one] **{ $people } personne** a participé
       *[other] **{ $people } personnes** ont participé
    } ({ $mentors ->
        [one] { $mentors } mentor
       *[other] { $mentors } mentors
    }, { $mentees ->
        [one] { $mentees } mentoré
       *[other] { $mentees } mentorés
    }{ $peers ->
        [0] {""}
        [one] , { $peers } dans un cercle de pairs
       *[other] , { $peers } dans des cercles de pairs
    }) dans { $pairs ->
        [one] { $pairs } binôme
       *[other] { $pairs } binômes
    }, dont { $new } nouveaux ce cycle.
impact-glance-retention = **{ $rate }** des binômes sont restés ensemble ou ont terminé comme prévu ({ $kept } sur { $pairs }).
impact-glance-goals = **{ $done } objectifs sur { $set }** ont été atteints.
impact-glance-answers = **{ $rate }** des points d'étape ont reçu une réponse ({ $answers } sur { $expected }).
impact-glance-no-checkins = Aucun point d'étape n'était prévu pendant le cycle.
impact-glance-pulse = Le sondage pouls a obtenu en moyenne **{ $average } sur 5** ({ $answers } réponses).
impact-glance-pulse-hidden = Aucune série du sondage pouls n'a eu { $min } réponses : aucune moyenne n'est affichée.
impact-glance-exit = Le questionnaire de fin a obtenu en moyenne **{ $average } sur 5** ({ $answers } réponses).
impact-glance-exit-hidden =
    { $answers ->
        [one] Le questionnaire de fin a 1 réponse pour l'instant. Ses chiffres s'affichent à partir de { $min } réponses.
       *[other] Le questionnaire de fin a { $answers } réponses pour l'instant. Ses chiffres s'affichent à partir de { $min } réponses.
    }
impact-waits = { $paired } mentorés ont été mis en relation pendant le cycle, après une attente médiane de { $median } (la plus longue : { $longest }).
impact-waits-none = Aucun mentoré n'a été mis en relation pendant le cycle.
impact-waits-still =
    { $count ->
        [one] 1 mentoré attend encore, depuis { $longest }.
       *[other] { $count } mentorés attendent encore, le plus ancien depuis { $longest }.
    }
impact-waits-nobody = Personne n'attend de mise en relation.
impact-load = { $mentors } mentors ont accompagné { $mentees } mentorés : { $average } chacun en moyenne, { $most } au plus.
impact-load-none = Aucun mentor n'a eu de binôme dans ce cycle.
impact-load-row =
    { $mentors ->
        [one] { $label } : 1 mentor
       *[other] { $label } : { $mentors } mentors
    }
impact-load-label =
    { $mentees ->
        [one] 1 mentoré
       *[other] { $mentees } mentorés
    }
impact-section-weeks = Semaine par semaine
impact-col-week = Semaine du
impact-col-active = Membres actifs
impact-col-answered = Points d'étape répondus
impact-col-pulse = Pouls (1–5)
impact-chart-active = Membres actifs
impact-chart-answered = Points d'étape répondus
impact-chart-pulse = Moyenne du pouls (1–5)
impact-section-outcomes = Où en sont les binômes à la fin
impact-outcome-continuing = Continuent ensemble
impact-outcome-completed = Terminé comme prévu
impact-outcome-not-a-good-fit = Pas le bon binôme
impact-outcome-inactive = Plus de nouvelles
impact-outcome-withdrawn = Quelqu'un s'est retiré
impact-outcome-left-server = Quelqu'un a quitté le serveur
impact-outcome-other = Autre raison
impact-outcome-channel-lost = Salon perdu
impact-retention-note = { $kept } binômes sur { $pairs } ({ $rate }) sont restés ensemble ou ont terminé comme prévu.
impact-section-load = Charge des mentors
impact-section-waits = Attente d'une mise en relation
impact-section-exit = Questionnaire de fin
impact-rating = { $score } sur 5
impact-section-said = Ce qu'ont dit les membres
impact-exit-worked = Ce qui a marché
impact-exit-change = Ce qu'il faudrait changer
impact-exit-no-comments = Aucun commentaire.
impact-comments-hidden = Les commentaires s'affichent quand au moins { $min } personnes ont répondu au questionnaire de fin.
impact-quote = « { $text } »
impact-quote-many = « { $text } » ({ $count } personnes)
impact-more-comments = …et { $count } de plus dans le fichier CSV.
impact-tile-people = personnes ont participé : { $mentors } mentors, { $mentees } mentorés{ $peers ->
        [0] {""}
       *[other] , { $peers } en cercles
    }
impact-tile-pairs =
    { $pairs ->
        [one] binôme, dont { $new } nouveau ce cycle
       *[other] binômes, dont { $new } nouveaux ce cycle
    }
impact-tile-retention = des binômes sont restés ensemble ou ont terminé comme prévu
impact-tile-goals-value = { $done } / { $set }
impact-tile-goals = objectifs atteints
impact-tile-answered = des points d'étape ont reçu une réponse
impact-tile-pulse = moyenne du pouls, sur 5
impact-tile-pulse-hidden = pouls : affiché à partir de { $min } réponses par série
impact-tile-exit = questionnaire de fin, sur 5 ({ $answers } réponses)
impact-tile-exit-hidden = questionnaire de fin : { $answers } réponses pour l'instant
impact-tile-wait = attente médiane d'une mise en relation
impact-post = L'image tient sur une page, à transmettre aux financeurs du programme. Le fichier CSV contient tous les chiffres.
impact-no-cycle = Aucun cycle n'a encore eu lieu ici. Lance-en un avec `/programme start name weeks`. Son bilan d'impact arrive une semaine après la fin, et `/programme report` le montre à tout moment.
impact-unknown-cycle = Ce n'est pas un des cycles de ce serveur. Choisis-en un dans la liste, ou laisse `cycle` vide pour le dernier.
impact-cycle-choice = { $name } (commencé le { $date })
